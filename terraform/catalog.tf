resource "aws_glue_catalog_database" "this" {
  count       = local.create_glue_database ? 1 : 0
  name        = replace("${var.stack_name}_synapse_access_records", "-", "_")
  description = "Synapse access records processed by the streaming pipeline."
}

# The database had no count before it could be omitted; this keeps a deployed stack's database where it is.
moved {
  from = aws_glue_catalog_database.this
  to   = aws_glue_catalog_database.this[0]
}

# One table per pipeline version over the sink's folder for that version. Partition projection computes the
# partitions from the layout file, so none is ever registered. The location template comes from the layout
# file as data, so its ${year}-style placeholders reach Glue literally (in a .tf literal they would need $${}).
resource "aws_glue_catalog_table" "processed" {
  for_each      = local.pipelines
  name          = each.value.table_name
  database_name = local.glue_database
  table_type    = "EXTERNAL_TABLE"
  description   = "${local.processed_schema.doc} Pipeline ${each.key}, written by ${each.value.connector_name}."

  parameters = merge(local.partition_projection, {
    "EXTERNAL"                  = "TRUE"
    "classification"            = "parquet"
    "parquet.compression"       = "SNAPPY"
    "projection.enabled"        = "true"
    "storage.location.template" = "${local.table_locations[each.key]}${local.layout.location_template}"
  })

  dynamic "partition_keys" {
    for_each = local.layout.partition_keys
    content {
      name    = partition_keys.value.name
      type    = partition_keys.value.type
      comment = lookup(local.column_comments, partition_keys.value.name, null)
    }
  }

  storage_descriptor {
    location      = local.table_locations[each.key]
    input_format  = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"

    ser_de_info {
      serialization_library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
      parameters = {
        "serialization.format" = "1"
      }
    }

    dynamic "columns" {
      for_each = local.table_columns
      content {
        name    = columns.value.name
        type    = columns.value.type
        comment = lookup(local.column_comments, columns.value.name, null)
      }
    }
  }
}

locals {
  # The sink writes <topics.dir>/<topic>/<partition path>/<file>.
  table_locations = { for v, p in local.pipelines : v => format("s3://%s/%s/%s/", local.lake_bucket, local.lake_topics_dirs[v], p.processed_topic) }

  # The view exposes the contract's columns, plus the layout's partition keys that are not contract columns
  # (year/month/day), so queries can still prune partitions through it.
  view_columns = concat(
    [for column in local.contract_columns : column.name],
    [for key in local.partition_keys : key if !contains([for column in local.contract_columns : column.name], key)],
  )
}
