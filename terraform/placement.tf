# Where the table lives: by default in a Glue database and a lake bucket this stack creates (as it always did),
# or, with glue_database / lake_bucket / lake_prefix, in an existing database and under an existing bucket and
# folder, e.g. beside the Glue job's processedaccessrecord in today's data warehouse. What is given by name is
# never created or destroyed here; only these locals name the database and the lake, so nothing else can miss
# which mode it is in.
locals {
  create_glue_database = var.glue_database == null
  create_lake_bucket   = var.lake_bucket == null

  glue_database   = local.create_glue_database ? aws_glue_catalog_database.this[0].name : var.glue_database
  lake_bucket     = local.create_lake_bucket ? aws_s3_bucket.this["lake"].bucket : var.lake_bucket
  lake_bucket_arn = "arn:aws:s3:::${local.lake_bucket}"
  lake_folder     = var.lake_prefix == "" ? "" : "${var.lake_prefix}/"

  # The sink's topics.dir of each version, under the prefix: the folder the table reads and the sink may write.
  lake_topics_dirs = { for v, p in local.pipelines : v => format("%s%s", local.lake_folder, p.topics_dir) }
}
