variable "stack_name" {
  description = "Prefix of the role, task family and log group."
  type        = string
}

variable "command" {
  description = "The enricher-service command the task runs (the container's first argument), e.g. load-archive."
  type        = string
}

variable "arguments" {
  description = "Arguments baked into the task definition after the command, for a task that always runs the same way (a scheduled one); run-task overrides replace them."
  type        = list(string)
  default     = []
}

variable "image" {
  description = "The enricher-service image."
  type        = string
}

variable "environment" {
  description = "The container's environment; a null value is left unset."
  type        = map(string)
  default     = {}
}

variable "policy_json" {
  description = "What the command may do: the task role's only policy."
  type        = string
}

variable "execution_role_arn" {
  description = "The role ECS pulls the image and writes the logs with."
  type        = string
}

variable "account_id" {
  description = "The stack's account: only ECS tasks of this account may assume the role."
  type        = string
}

variable "region" {
  description = "The stack's region."
  type        = string
}

variable "cpu" {
  description = "Fargate CPU units."
  type        = number
}

variable "memory" {
  description = "Fargate memory, MiB."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the task's log group."
  type        = number
}

variable "cluster" {
  description = "The ECS cluster the task runs in (named in run_task)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the task runs in (named in run_task)."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the task (named in run_task)."
  type        = list(string)
}

variable "service_arguments" {
  description = "The command's arguments when it also runs as a long-lived ECS service of one task (e.g. [\"--follow\", ...]); null (default): no service."
  type        = list(string)
  default     = null
}
