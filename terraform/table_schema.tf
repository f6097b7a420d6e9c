# The Glue columns come from the data contract and the partitioning from the chosen layout file, so neither is
# written twice. The test TableSchemaTest evaluates these same expressions against both files.
locals {
  layout         = jsondecode(file("${path.module}/../connect-config/layouts/${var.layout}.json"))
  partition_keys = [for key in local.layout.partition_keys : key.name]

  processed_schema = jsondecode(file("${path.module}/../schemas/src/main/avro/processed-access-record.avsc"))

  # Avro type (or logical type) -> Hive type as Athena reads the sink's Parquet.
  glue_types = {
    "string"           = "string"
    "long"             = "bigint"
    "int"              = "int"
    "boolean"          = "boolean"
    "double"           = "double"
    "timestamp-millis" = "timestamp"
    "date"             = "date"
  }

  # A field's type is a name ("string"), a logical type ({"type": "long", "logicalType": ...}) or a nullable
  # union (["null", T]); Glue columns are nullable anyway, so a union maps like T.
  contract_columns = [for field in local.processed_schema.fields : {
    name = field.name
    type = local.glue_types[try(field.type.logicalType, one([for t in field.type : try(t.logicalType, t) if t != "null"]), field.type)]
  }]

  # Glue's table and column comments are the schema's docs, so Athena and the catalog describe the columns in
  # the contract's words; a field without a doc gets no comment (a test requires every field to have one).
  column_comments = { for field in local.processed_schema.fields : field.name => try(field.doc, null) }

  # A partition key is not also a data column (Athena rejects the duplicate); with record-date, record_date is
  # the partition and carries the same value the file holds.
  table_columns = [for column in local.contract_columns : column if !contains(local.partition_keys, column.name)]

  partition_projection = { for setting in flatten([
    for key in local.layout.partition_keys : [
      for name, value in key.projection : { key = "projection.${key.name}.${name}", value = value }
    ]
  ]) : setting.key => setting.value }
}
