resource "aws_security_group" "msk" {
  name        = "${var.stack_name}-msk"
  description = "MSK brokers: IAM (SASL/TLS) clients only"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "clients" {
  name        = "${var.stack_name}-msk-clients"
  description = "Enricher tasks and MSK Connect workers"
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

resource "aws_vpc_security_group_egress_rule" "clients_out" {
  security_group_id = aws_security_group.clients.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
