resource "aws_athena_workgroup" "this" {
  name          = "${var.stack_name}-synapse-access-records"
  force_destroy = true

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.athena_bytes_scanned_cutoff

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location = "s3://${aws_s3_bucket.this["athena_results"].bucket}/results/"
      encryption_configuration {
        encryption_option = var.kms_key_arn == null ? "SSE_S3" : "SSE_KMS"
        kms_key_arn       = var.kms_key_arn
      }
    }
  }
}

# The dashboards' queries, one named query per file; they read the view, not a versioned table.
resource "aws_athena_named_query" "queries" {
  for_each  = fileset("${path.module}/../queries", "*.sql")
  name      = trimsuffix(each.value, ".sql")
  workgroup = aws_athena_workgroup.this.name
  database  = local.glue_database
  query     = file("${path.module}/../queries/${each.value}")
}

# The blue/green switch. A Glue VIRTUAL_VIEW would have to carry Athena's own serialized view (base64 JSON with
# Trino column types, e.g. timestamp(3)); a type Athena derives differently marks the view stale and breaks
# every dashboard, and nothing here can check it without Athena. So Terraform publishes the exact statement for
# pipeline_version and an operator runs it: once after the first apply, and again to switch versions, which is
# a deliberate step anyway (after the new version has caught up).
resource "aws_athena_named_query" "switch_view" {
  name        = "switch-${local.view_name}-to-${var.pipeline_version}"
  description = "Points the ${local.view_name} view at pipeline ${var.pipeline_version}. Run after deploying or switching versions."
  workgroup   = aws_athena_workgroup.this.name
  database    = local.glue_database
  query       = <<-EOT
    CREATE OR REPLACE VIEW ${local.view_name} AS
    SELECT ${join(", ", [for name in local.view_columns : "\"${name}\""])}
    FROM "${local.glue_database}"."${aws_glue_catalog_table.processed[var.pipeline_version].name}"
  EOT
}
