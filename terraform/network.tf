resource "aws_security_group" "msk" {
  name        = "${var.stack_name}-msk"
  description = "MSK brokers: IAM (SASL/TLS) clients only"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "clients" {
  name        = "${var.stack_name}-msk-clients"
  description = "Enricher tasks, one-shot tasks and MSK Connect workers"
  vpc_id      = var.vpc_id
}

# 9098 is the port of IAM-authenticated TLS listeners.
resource "aws_vpc_security_group_ingress_rule" "msk_from_clients" {
  security_group_id            = aws_security_group.msk.id
  referenced_security_group_id = aws_security_group.clients.id
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
}

# The tasks and workers leave only for the brokers' IAM port and HTTPS (S3, CloudWatch, ECR, STS): through NAT
# (https_egress_cidrs' default, 0.0.0.0/0) or VPC endpoints (their CIDR, and the S3 gateway's prefix list). DNS to
# the VPC's resolver is never filtered by security groups.
resource "aws_vpc_security_group_egress_rule" "clients_to_brokers" {
  security_group_id            = aws_security_group.clients.id
  referenced_security_group_id = aws_security_group.msk.id
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
}

resource "aws_vpc_security_group_egress_rule" "clients_https" {
  for_each          = toset(var.https_egress_cidrs)
  security_group_id = aws_security_group.clients.id
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "clients_https_prefix_lists" {
  for_each          = toset(var.https_egress_prefix_list_ids)
  security_group_id = aws_security_group.clients.id
  prefix_list_id    = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
