# Who else reaches the cluster: Synapse's hosts, which publish raw records through the access-record publisher
# (docs/publisher.md). The publisher's producer is idempotent and not transactional, so no transactional id is
# granted; it only writes the raw topic, reading its metadata (DescribeTopic) to find the partitions' leaders.
data "aws_caller_identity" "current" {
  count = var.aws_account_id == null ? 1 : 0
}

locals {
  account_id = var.aws_account_id != null ? var.aws_account_id : data.aws_caller_identity.current[0].account_id
}

data "aws_iam_policy_document" "publisher" {
  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid       = "PublishRaw"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
    resources = ["${local.kafka_topic_arn}/${local.raw_topic}"]
  }
}

resource "aws_iam_role_policy" "publisher" {
  for_each = toset(var.publisher_role_names)
  name     = "${var.stack_name}-publish-access-records"
  role     = each.value
  policy   = data.aws_iam_policy_document.publisher.json
}

resource "aws_vpc_security_group_ingress_rule" "msk_from_publishers" {
  for_each                     = toset(var.publisher_security_group_ids)
  security_group_id            = aws_security_group.msk.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
}
