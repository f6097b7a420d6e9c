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

variable "serving_dir" {
  description = "Folder of the lake bucket that holds today's processedaccessrecord/ (in the data warehouse, the database's folder), without slashes at either end. Set, a serving sink writes the serving versions' rows to <serving_dir>/processedaccessrecord/record_date=YYYY-MM-DD/, where today's Glue table and Snowflake's nightly load read (docs/serving.md). Null (default): no serving sink."
  type        = string
  default     = null

  validation {
    condition     = var.serving_dir == null || can(regex("^[A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*$", var.serving_dir))
    error_message = "serving_dir is folder names (letters, digits, _ . = -) joined by single slashes, without a slash at either end."
  }
}

variable "serving_windows" {
  description = "Per pipeline version, the record times whose rows it writes to the serving folder: { v1 = { from = \"2026-12-01T00:00:00Z\" } }. At a handover the old version's until is the new one's from, set before that instant (docs/serving.md). Empty (default): no version serves."
  type = map(object({
    from  = string
    until = optional(string)
  }))
  default = {}

  validation {
    condition = alltrue([for w in values(var.serving_windows) :
      can(formatdate("YYYY", w.from)) && (w.until == null ? true : can(formatdate("YYYY", w.until)))
    ])
    error_message = "serving_windows' from and until are RFC 3339 instants in UTC, e.g. 2026-12-01T00:00:00Z."
  }

  validation {
    condition = alltrue([for w in values(var.serving_windows) :
      w.until == null ? true : (can(timecmp(w.until, w.from)) ? timecmp(w.until, w.from) > 0 : false)
    ])
    error_message = "A serving window's until is later than its from."
  }

  # Two windows must not share an instant, or a row of it would reach the folder twice.
  validation {
    condition = alltrue(flatten([for a, wa in var.serving_windows : [for b, wb in var.serving_windows :
      a == b ? true : (
        wa.until != null ? (can(timecmp(wa.until, wb.from)) ? timecmp(wa.until, wb.from) <= 0 : false) : false) || (
      wb.until != null ? (can(timecmp(wb.until, wa.from)) ? timecmp(wb.until, wa.from) <= 0 : false) : false)
    ]]))
    error_message = "serving_windows overlap: hand over at one instant (the old version's until = the new one's from)."
  }

  validation {
    condition     = length(var.serving_windows) == 0 || var.serving_dir != null
    error_message = "serving_windows needs serving_dir: the serving sink that writes the served rows."
  }

  validation {
    condition = alltrue([for v in keys(var.serving_windows) :
      contains(concat([var.pipeline_version], var.extra_pipeline_versions), v)
    ])
    error_message = "Every version in serving_windows must run: pipeline_version or one of extra_pipeline_versions."
  }
}

variable "raw_topic_retention_days" {
  description = "How long the raw topic keeps records, in days; -1 keeps them forever (what replays from any time need). No default: a stack states it (docs/deploying.md, cost.md). The service creates the topic with it and refuses an existing one that deletes sooner."
  type        = number

  validation {
    condition     = var.raw_topic_retention_days == -1 || var.raw_topic_retention_days >= 1
    error_message = "raw_topic_retention_days is -1 (forever) or a whole number of days, at least 1."
  }
}

variable "raw_topic_local_retention_days" {
  description = "With MSK tiered storage: days the brokers keep the raw topic on disk before only the tiered copy remains. Null (default): not tiered, everything on the brokers' disks."
  type        = number
  default     = null

  validation {
    condition     = var.raw_topic_local_retention_days == null || try(var.raw_topic_local_retention_days >= 1, false)
    error_message = "raw_topic_local_retention_days is null or at least 1."
  }
}

variable "processed_topic_retention_days" {
  description = "How long the processed and serving topics keep records: longer than an S3-sink outage can last before someone acts on the sink-lag alarm, with a day to spare."
  type        = number
  default     = 7

  validation {
    condition     = var.processed_topic_retention_days * 86400000 >= 3 * var.sink_rotate_interval_ms + 86400000
    error_message = "processed_topic_retention_days must outlast the sink-lag alarm (three rotation intervals) by a day at least."
  }
}

variable "dead_letter_topic_retention_days" {
  description = "How long the dead-letter topic keeps letters: until someone has read, archived or redriven each."
  type        = number
  default     = 28

  validation {
    condition     = var.dead_letter_topic_retention_days >= 7
    error_message = "dead_letter_topic_retention_days is at least 7: a week to notice the dead-letter alarm and act."
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
  description = "Key, in the plugins bucket, of the one plugin zip every connector runs on: Confluent Hub's S3 sink zip with our plugin jars (processed-record-converter, dead-letter-envelope) added by connect-config/plugin-zip.sh. The default names the pinned release, 10.6.3, which commits its files when a record of another day arrives and can leave skipped tombstones out of the dead-letter topic, as connect-config/s3-sink.json asks (docs/deploying.md)."
  type        = string
  default     = "confluentinc-kafka-connect-s3-10.6.3-with-synapse-access-records.zip"
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

variable "aws_account_id" {
  description = "The account the stack deploys to, named in the roles' trust conditions (aws:SourceAccount, aws:SourceArn). Null (default): read from the credentials Terraform runs with (STS GetCallerIdentity)."
  type        = string
  default     = null

  validation {
    condition     = var.aws_account_id == null || can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id is null or an AWS account id, twelve digits."
  }
}

variable "publisher_role_names" {
  description = "IAM roles of Synapse's hosts that publish to the raw topic (the access-record publisher). Each gets a policy to join the cluster and write idempotently to the raw topic, nothing else. Empty (default): none."
  type        = list(string)
  default     = []
}

variable "publisher_security_group_ids" {
  description = "Security groups of Synapse's hosts: each may reach the brokers on 9098 (IAM over TLS). Empty (default): none."
  type        = list(string)
  default     = []
}

variable "archive_bucket" {
  description = "Bucket where Firehose archives the raw access records, which load-archive reads, e.g. prod.log.sagebase.org. Null (default): no load-archive task."
  type        = string
  default     = null
}

variable "archive_prefix" {
  description = "Folder of archive_bucket that holds the records, without slashes at either end; load-archive may list and read only under it."
  type        = string
  default     = "accessRecord/records"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*$", var.archive_prefix))
    error_message = "archive_prefix is folder names (letters, digits, _ . = -) joined by single slashes, without a slash at either end."
  }
}

variable "archive_follow" {
  description = "Run load-archive --follow as an ECS service of one task: the records Firehose archives reach the raw topic as its objects land (a shadow run before Synapse publishes, or the fallback when the publisher is off). Needs archive_bucket and archive_follow_from. False (default): no service."
  type        = bool
  default     = false

  validation {
    condition     = !var.archive_follow || (var.archive_bucket != null && var.archive_follow_from != null)
    error_message = "archive_follow needs archive_bucket (where Firehose writes) and archive_follow_from (the first request day it publishes, e.g. the day after the last history load's --to)."
  }
}

variable "archive_follow_from" {
  description = "With archive_follow: the first request day (UTC, YYYY-MM-DD) the follower publishes, its --from; it loads every object landed since the day before, then follows."
  type        = string
  default     = null

  validation {
    condition     = var.archive_follow_from == null || can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.archive_follow_from))
    error_message = "archive_follow_from is a day, YYYY-MM-DD."
  }
}

variable "one_shot_cpu" {
  description = "Fargate CPU units of a load-archive or replay task."
  type        = number
  default     = 1024
}

variable "one_shot_memory" {
  description = "Fargate memory (MiB) of a load-archive or replay task."
  type        = number
  default     = 2048
}

variable "https_egress_cidrs" {
  description = "Where the enricher tasks, the one-shot tasks and the Connect workers may open HTTPS (443) connections: S3, CloudWatch, ECR, STS. The default, 0.0.0.0/0, is what a VPC that reaches them through NAT needs; with interface endpoints, give the VPC's CIDR (or the endpoints' subnets) instead, and the S3 gateway endpoint's prefix list in https_egress_prefix_list_ids."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "https_egress_prefix_list_ids" {
  description = "Prefix lists the tasks may reach on 443, e.g. the S3 gateway endpoint's (aws ec2 describe-prefix-lists, com.amazonaws.<region>.s3). Empty (default): none."
  type        = list(string)
  default     = []
}

variable "broker_volume_max_gib" {
  description = "Broker storage autoscaling grows each broker's EBS volume up to this many GiB (never shrinking it) when its disk is 60 % full; equal to broker_volume_gib turns the growth off."
  type        = number
  default     = 2000

  validation {
    condition     = var.broker_volume_max_gib >= var.broker_volume_gib && var.broker_volume_max_gib <= 16384
    error_message = "broker_volume_max_gib is at least broker_volume_gib and at most 16384 (MSK's largest volume)."
  }
}

variable "broker_disk_used_alarm_percent" {
  description = "Alarm when the fullest broker's data disk (KafkaDataLogsDiskUsed) is fuller than this, percent: storage autoscaling has reached broker_volume_max_gib or cannot keep up."
  type        = number
  default     = 80
}

variable "kms_key_arn" {
  description = "A customer-managed KMS key for the buckets the stack creates and Athena's results. Null (default): S3-managed keys (SSE-S3), as before."
  type        = string
  default     = null
}

variable "plugin_deployer_role_arns" {
  description = "Roles that may put or delete objects in the plugins bucket (the connector's plugin): the deployers, e.g. the role Terraform runs with. Everyone else is denied by the bucket's policy. Empty (default): no such denial."
  type        = list(string)
  default     = []
}

variable "athena_results_expiration_days" {
  description = "Days Athena's query results are kept in the results bucket."
  type        = number
  default     = 30
}

variable "lake_noncurrent_version_days" {
  description = "Days an overwritten or deleted object of a lake bucket the stack creates stays recoverable as a noncurrent version."
  type        = number
  default     = 30
}

variable "reconcile_schedule" {
  description = "When the daily reconcile runs (EventBridge Scheduler expression, UTC); it checks the day before. With archive_bucket only. Late enough that Firehose has filed the day's late arrivals and the sink has rotated its last files (docs/reconcile.md)."
  type        = string
  default     = "cron(0 6 * * ? *)"
}

variable "late_records_alarm_threshold" {
  description = "Alarm when a version emits more than this many late records (older than its dedup horizon, so unchecked for duplicates) in 5 minutes."
  type        = number
  default     = 0
}

variable "clock_ahead_alarm_seconds" {
  description = "Alarm when a version processes a record stamped more than this many seconds after its clock (negative event-time lag): a producer's clock runs ahead."
  type        = number
  default     = 60

  validation {
    condition     = var.clock_ahead_alarm_seconds > 0
    error_message = "clock_ahead_alarm_seconds must be positive."
  }
}

variable "event_time_lag_alarm_seconds" {
  description = "Alarm when the newest record a version processed is older than this for 10 minutes (freshness on the service's side)."
  type        = number
  default     = 900

  validation {
    condition     = var.event_time_lag_alarm_seconds > 0
    error_message = "event_time_lag_alarm_seconds must be positive."
  }
}

variable "table_pending_age_alarm_seconds" {
  description = "Alarm when a table's S3 sink has held a row uncommitted for longer than this (freshness on the table's side, docs/service.md#freshness). Null: three sink rotation intervals, as the sink-lag alarm."
  type        = number
  default     = null

  validation {
    condition     = var.table_pending_age_alarm_seconds == null || try(var.table_pending_age_alarm_seconds > 0, false)
    error_message = "table_pending_age_alarm_seconds must be positive: at least one sink rotation interval (sink_rotate_interval_ms) plus the time a file takes to upload, or null for three rotation intervals."
  }
}

variable "streams_down_alarm_minutes" {
  description = "Alarm when a version's Kafka Streams has not been RUNNING (or REBALANCING) for this many minutes; longer than a new task takes to restore its dedup store."
  type        = number
  default     = 10

  validation {
    condition     = var.streams_down_alarm_minutes >= 1
    error_message = "streams_down_alarm_minutes must be at least 1."
  }
}

variable "dead_letter_archive_flush_size" {
  description = "Dead letters per archive file at most."
  type        = number
  default     = 1000
}

variable "dead_letter_archive_rotate_schedule_interval_ms" {
  description = "Wall-clock time after which the dead-letter archive commits an open file, so a letter reaches S3 within it even when no other follows (docs/dead-letters.md)."
  type        = number
  default     = 600000

  validation {
    condition     = var.dead_letter_archive_rotate_schedule_interval_ms >= 60000
    error_message = "dead_letter_archive_rotate_schedule_interval_ms is at least 60000 (a minute): each rotation is one S3 object per topic partition."
  }
}
