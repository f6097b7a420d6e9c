# One resource per concern, each iterating the same bucket map, so no bucket can miss its public access block,
# encryption or multipart clean-up.
# An existing lake (var.lake_bucket) is not in the map: its owner keeps its settings.
locals {
  bucket_names = {
    lake           = "${var.stack_name}-synapse-access-records-lake"
    plugins        = "${var.stack_name}-synapse-access-records-plugins"
    athena_results = "${var.stack_name}-synapse-access-records-athena-results"
  }
  buckets = { for key, name in local.bucket_names : key => name if key != "lake" || local.create_lake_bucket }
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets
  bucket   = each.value
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}

# The sink uploads every file as a multipart upload; a task killed mid-upload leaves parts that cost money.
resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 2
    }
  }
}

resource "aws_s3_bucket_versioning" "plugins" {
  bucket = aws_s3_bucket.this["plugins"].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_object" "sink_plugin" {
  count       = var.sink_plugin_zip_file == null ? 0 : 1
  bucket      = aws_s3_bucket.this["plugins"].id
  key         = var.sink_plugin_zip_key
  source      = var.sink_plugin_zip_file
  source_hash = filemd5(var.sink_plugin_zip_file)
}
