variable "stack_name" {
  description = "Prefix of every resource name, e.g. prod or dev-alice. Bucket names derive from it, so keep it short and DNS-safe."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,24}$", var.stack_name))
    error_message = "stack_name is 2-25 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "region" {
  description = "AWS region of the whole stack; the S3 sink writes to the lake bucket in this region."
  type        = string
  default     = "us-east-1"
}

variable "vpc_id" {
  description = "VPC of the brokers, the Connect workers and the enricher tasks."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one per availability zone (the broker count must be a multiple of their number). They need a route to ECR, CloudWatch and S3 (NAT or VPC endpoints)."
  type        = list(string)
}

variable "layout" {
  description = "Folder layout of the lake, one file in connect-config/layouts: it sets the connector's path.format and the Glue table's partition keys and projection together. record-date (today's table's record_date=YYYY-MM-DD folders, pruned by every dashboard's record_date filter) or year-month-day."
  type        = string
  default     = "record-date"

  validation {
    condition     = contains(["year-month-day", "record-date"], var.layout)
    error_message = "layout is year-month-day or record-date (a file in connect-config/layouts)."
  }
}

variable "glue_database" {
  description = "An existing Glue database for the versioned tables and the view, e.g. today's data-warehouse database beside filedownloadrecords and nodesnapshots. Null (default): Terraform creates <stack>_synapse_access_records. A database given here is only named, never created or destroyed."
  type        = string
  default     = null
}

variable "lake_bucket" {
  description = "An existing bucket the sink writes into and the tables read, e.g. <stack>.datawarehouse.sagebase.org. Null (default): Terraform creates <stack>-synapse-access-records-lake. A bucket given here is only named: its settings stay its owner's."
  type        = string
  default     = null
}

variable "lake_prefix" {
  description = "Folder of the lake bucket the pipeline writes under, without slashes at either end, e.g. <database>/processedaccessrecord_stream: version vN writes <lake_prefix>/processed/vN/ and its sink may write nowhere else. Empty (default): the bucket's root."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*)?$", var.lake_prefix))
    error_message = "lake_prefix is empty or folder names (letters, digits, _ . = -) joined by single slashes, without a slash at either end."
  }
}

variable "view_name" {
  description = "Name of the view the dashboards query. In a glue_database that still holds the Glue job's processedaccessrecord table, give another name (e.g. processedaccessrecord_stream) until that table is dropped at cutover (docs/deploying.md)."
  type        = string
  default     = "processedaccessrecord"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]*$", var.view_name))
    error_message = "view_name is a Glue name: lower-case letters, digits and underscores."
  }
}

variable "pipeline_version" {
  description = "The version the processedaccessrecord view serves. A version names the Kafka Streams application.id, the processed topic, the sink's topics.dir and the Glue table."
  type        = string
  default     = "v1"

  validation {
    condition     = can(regex("^v[0-9]+$", var.pipeline_version))
    error_message = "pipeline_version looks like v1, v2, ..."
  }
}

variable "extra_pipeline_versions" {
  description = "Versions that run beside pipeline_version: the new one while it replays (blue/green), or the old one until it is retired."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for v in var.extra_pipeline_versions : can(regex("^v[0-9]+$", v))])
    error_message = "every extra pipeline version looks like v1, v2, ..."
  }
}

variable "history_pipeline_versions" {
  description = "Versions that also read their private history topic synapse.accessrecords.history.<version>: a version replayed beyond the raw topic's retention (docs/replay.md). The topic must exist, filled, before the version starts; replay --history-topic creates it."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for v in var.history_pipeline_versions : can(regex("^v[0-9]+$", v))])
    error_message = "every history pipeline version looks like v1, v2, ..."
  }
}

variable "kafka_version" {
  description = "MSK Kafka version: 3.9 in KRaft mode (MSK's name for it is 3.9.x.kraft; 3.9.x would use ZooKeeper). MSK >= 3.8 has the exactly-once IAM actions the enricher needs."
  type        = string
  default     = "3.9.x.kraft"
}

variable "broker_instance_type" {
  description = "MSK broker instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "broker_count" {
  description = "Number of brokers, a multiple of the number of subnets."
  type        = number
  default     = 3
}

variable "broker_volume_gib" {
  description = "EBS storage per broker, GiB."
  type        = number
  default     = 500
}

variable "topic_partitions" {
  description = "Partitions of the raw, processed and dead-letter topics the enricher creates when they are missing."
  type        = number
  default     = 6
}

variable "kafkaconnect_version" {
  description = "MSK Connect runtime; 3.7.x runs Confluent's S3 sink 10.x/11.x plugins."
  type        = string
  default     = "3.7.x"
}

variable "sink_plugin_zip_key" {
  description = "Key, in the plugins bucket, of Confluent's S3 sink plugin zip as Confluent Hub names it. The default is the pinned release, 10.6.3, which commits its files when a record of another day arrives and can leave skipped tombstones out of the dead-letter topic, as connect-config/s3-sink.json asks (docs/deploying.md)."
  type        = string
  default     = "confluentinc-kafka-connect-s3-10.6.3.zip"
}

variable "sink_plugin_zip_file" {
  description = "Local path of that zip; when set, Terraform uploads it to sink_plugin_zip_key. Leave null when the object is already in the bucket."
  type        = string
  default     = null
}

variable "connector_mcu_count" {
  description = "MSK Connect MCUs per worker (1, 2, 4 or 8)."
  type        = number
  default     = 1
}

variable "connector_min_workers" {
  description = "Fewest MSK Connect workers autoscaling keeps."
  type        = number
  default     = 1
}

variable "connector_max_workers" {
  description = "Most MSK Connect workers autoscaling adds."
  type        = number
  default     = 2
}

variable "sink_tasks_max" {
  description = "Sink tasks; more than the processed topic's partitions would idle."
  type        = number
  default     = 6
}

variable "sink_flush_size" {
  description = "Records per Parquet file before the sink rotates it."
  type        = number
  default     = 50000
}

variable "sink_rotate_interval_ms" {
  description = "Record-time span of one file before rotation (deterministic, unlike scheduled rotation)."
  type        = number
  default     = 600000
}

variable "enricher_image" {
  description = "Container image of enricher-service (built from enricher-service/Dockerfile), e.g. <account>.dkr.ecr.<region>.amazonaws.com/enricher-service:<tag>."
  type        = string
}

variable "enricher_cpu" {
  description = "Fargate CPU units per enricher task."
  type        = number
  default     = 1024
}

variable "enricher_memory" {
  description = "Fargate memory (MiB) per enricher task."
  type        = number
  default     = 2048
}

variable "enricher_desired_count" {
  description = "Enricher tasks per pipeline version; Kafka Streams spreads the partitions over them."
  type        = number
  default     = 2
}

variable "enricher_stream_threads" {
  description = "Kafka Streams threads per enricher task."
  type        = number
  default     = 1
}

variable "log_retention_days" {
  description = "Retention of the broker, connector and enricher log groups."
  type        = number
  default     = 30
}

variable "athena_bytes_scanned_cutoff" {
  description = "Largest scan one Athena query of the workgroup may make, bytes."
  type        = number
  default     = 107374182400
}

variable "alarm_actions" {
  description = "ARNs (e.g. SNS topics) notified when an alarm fires or clears."
  type        = list(string)
  default     = []
}

variable "enricher_max_offset_lag" {
  description = "Alarm when the enricher's consumer group is this many raw records behind, summed over partitions."
  type        = number
  default     = 100000
}

variable "dead_letters_per_second" {
  description = "Alarm when a dead-letter topic receives more than this many messages per second (summed over brokers)."
  type        = number
  default     = 0
}
