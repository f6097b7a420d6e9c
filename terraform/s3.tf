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
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
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

  # Query results are read once, by whoever ran the query.
  dynamic "rule" {
    for_each = each.key == "athena_results" ? [var.athena_results_expiration_days] : []
    content {
      id     = "expire-query-results"
      status = "Enabled"
      filter {}
      expiration {
        days = rule.value
      }
    }
  }

  # An overwritten or deleted file of the table stays recoverable for a while, then stops costing.
  dynamic "rule" {
    for_each = each.key == "lake" ? [var.lake_noncurrent_version_days] : []
    content {
      id     = "expire-noncurrent-versions"
      status = "Enabled"
      filter {}
      noncurrent_version_expiration {
        noncurrent_days = rule.value
      }
    }
  }
}

resource "aws_s3_bucket_versioning" "plugins" {
  bucket = aws_s3_bucket.this["plugins"].id
  versioning_configuration {
    status = "Enabled"
  }
}

# The table's files in a lake the stack creates; a given lake's versioning stays its owner's.
resource "aws_s3_bucket_versioning" "lake" {
  count  = local.create_lake_bucket ? 1 : 0
  bucket = local.lake_bucket
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  policy   = data.aws_iam_policy_document.bucket[each.key].json

  # S3 refuses a policy on a bucket whose public access block is still being applied.
  depends_on = [aws_s3_bucket_public_access_block.this]
}

# Every request without TLS is refused; the plugins bucket takes new or deleted objects only from the deployers,
# so no other role that may write S3 can swap the code MSK Connect runs.
data "aws_iam_policy_document" "bucket" {
  for_each = local.buckets

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${each.value}", "arn:aws:s3:::${each.value}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  dynamic "statement" {
    for_each = each.key == "plugins" && length(var.plugin_deployer_role_arns) > 0 ? [var.plugin_deployer_role_arns] : []
    content {
      sid       = "DeployersOnly"
      effect    = "Deny"
      actions   = ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"]
      resources = ["arn:aws:s3:::${each.value}/*"]
      principals {
        type        = "*"
        identifiers = ["*"]
      }
      condition {
        test     = "ArnNotLike"
        variable = "aws:PrincipalArn"
        values   = statement.value
      }
    }
  }
}

resource "aws_s3_object" "sink_plugin" {
  count       = var.sink_plugin_zip_file == null ? 0 : 1
  bucket      = aws_s3_bucket.this["plugins"].id
  key         = var.sink_plugin_zip_key
  source      = var.sink_plugin_zip_file
  source_hash = filemd5(var.sink_plugin_zip_file)
}
