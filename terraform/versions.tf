terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is the version the suite plans with (TerraformPlanIT); nothing here is new in 6.x or removed by it.
      version = ">= 5.100, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      stack   = var.stack_name
      project = "synapse-access-records"
    }
  }
}
