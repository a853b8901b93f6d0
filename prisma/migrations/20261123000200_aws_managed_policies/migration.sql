-- Generated from src/features/policies/awsManagedPolicies.ts: the curated AWS managed policies.
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPA7E7ALMTL67E5SJ2UQ', NULL, 'AdministratorAccess', 'administratoraccess', '/', 'arn:aws:iam::aws:policy/AdministratorAccess', 'Provides full access to AWS services and resources.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPA7E7ALMTL67E5SJ2UQ', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAZNP53ADJXH7OKZS6Z', NULL, 'PowerUserAccess', 'poweruseraccess', '/', 'arn:aws:iam::aws:policy/PowerUserAccess', 'Provides full access to AWS services and resources, but does not allow management of Users and groups.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAZNP53ADJXH7OKZS6Z', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": [
        "iam:*",
        "organizations:*",
        "account:*"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "account:GetAccountInformation",
        "account:GetPrimaryEmail",
        "account:ListRegions",
        "iam:CreateServiceLinkedRole",
        "iam:DeleteServiceLinkedRole",
        "iam:ListRoles",
        "organizations:DescribeOrganization"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAABUSUK5VKKXYBNMFJ', NULL, 'ReadOnlyAccess', 'readonlyaccess', '/', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'Provides read-only access to AWS services and resources.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAABUSUK5VKKXYBNMFJ', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:Generate*",
        "iam:Get*",
        "iam:List*",
        "iam:Simulate*",
        "kms:Describe*",
        "kms:Get*",
        "kms:List*",
        "organizations:Describe*",
        "organizations:List*",
        "s3:Describe*",
        "s3:Get*",
        "s3:List*",
        "secretsmanager:Describe*",
        "secretsmanager:GetResourcePolicy",
        "secretsmanager:List*",
        "sns:Get*",
        "sns:List*",
        "sqs:Get*",
        "sqs:List*",
        "sqs:Receive*",
        "sts:GetCallerIdentity",
        "dynamodb:Describe*",
        "dynamodb:Get*",
        "dynamodb:List*",
        "dynamodb:Query",
        "dynamodb:Scan",
        "ec2:Describe*",
        "ec2:Get*",
        "lambda:Get*",
        "lambda:List*",
        "logs:Describe*",
        "logs:Get*",
        "cloudtrail:Describe*",
        "cloudtrail:Get*",
        "cloudtrail:List*",
        "cloudtrail:LookupEvents"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAUJKPPFDX2CYB3TXNN', NULL, 'ViewOnlyAccess', 'viewonlyaccess', '/job-function/', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'This policy grants permissions to view resources and basic metadata across all AWS services.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAUJKPPFDX2CYB3TXNN', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:GetAccountSummary",
        "iam:GetLoginProfile",
        "iam:List*",
        "kms:ListAliases",
        "kms:ListKeys",
        "organizations:List*",
        "s3:GetBucketLocation",
        "s3:GetBucketPolicyStatus",
        "s3:ListAllMyBuckets",
        "s3:ListBucket",
        "secretsmanager:ListSecrets",
        "sns:ListSubscriptions",
        "sns:ListTopics",
        "sqs:ListQueues",
        "dynamodb:ListTables",
        "ec2:DescribeInstances",
        "lambda:ListFunctions",
        "cloudtrail:DescribeTrails",
        "cloudtrail:LookupEvents"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPA2TTPRVS7W5EVZS532', NULL, 'SecurityAudit', 'securityaudit', '/', 'arn:aws:iam::aws:policy/SecurityAudit', 'The security audit template grants access to read security configuration metadata.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPA2TTPRVS7W5EVZS532', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:GenerateCredentialReport",
        "iam:GenerateServiceLastAccessedDetails",
        "iam:Get*",
        "iam:List*",
        "iam:SimulateCustomPolicy",
        "iam:SimulatePrincipalPolicy",
        "kms:Describe*",
        "kms:Get*",
        "kms:List*",
        "organizations:Describe*",
        "organizations:List*",
        "s3:GetAccessPoint*",
        "s3:GetBucket*",
        "s3:GetEncryptionConfiguration",
        "s3:GetLifecycleConfiguration",
        "s3:ListAllMyBuckets",
        "secretsmanager:DescribeSecret",
        "secretsmanager:GetResourcePolicy",
        "secretsmanager:ListSecrets",
        "sns:GetTopicAttributes",
        "sns:ListTopics",
        "sqs:GetQueueAttributes",
        "sqs:ListQueues",
        "cloudtrail:DescribeTrails",
        "cloudtrail:GetTrailStatus",
        "cloudtrail:LookupEvents"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPA3TZ3DLWNZDHCZMM2K', NULL, 'IAMFullAccess', 'iamfullaccess', '/', 'arn:aws:iam::aws:policy/IAMFullAccess', 'Provides full access to IAM via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPA3TZ3DLWNZDHCZMM2K', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:*",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "organizations:DescribeAccount",
        "organizations:DescribeOrganization",
        "organizations:DescribeOrganizationalUnit",
        "organizations:DescribePolicy",
        "organizations:ListChildren",
        "organizations:ListParents",
        "organizations:ListPoliciesForTarget",
        "organizations:ListRoots",
        "organizations:ListPolicies",
        "organizations:ListTargetsForPolicy"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPA55TE5VKFVFTCA6ZIB', NULL, 'IAMReadOnlyAccess', 'iamreadonlyaccess', '/', 'arn:aws:iam::aws:policy/IAMReadOnlyAccess', 'Provides read only access to IAM via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPA55TE5VKFVFTCA6ZIB', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:GenerateCredentialReport",
        "iam:GenerateServiceLastAccessedDetails",
        "iam:Get*",
        "iam:List*",
        "iam:SimulateCustomPolicy",
        "iam:SimulatePrincipalPolicy"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAHRAESTOB3UV4K6GVD', NULL, 'AmazonS3FullAccess', 'amazons3fullaccess', '/', 'arn:aws:iam::aws:policy/AmazonS3FullAccess', 'Provides full access to all buckets via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAHRAESTOB3UV4K6GVD', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:*",
        "s3-object-lambda:*"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAGBAX4M3WM6HIOXEXG', NULL, 'AmazonS3ReadOnlyAccess', 'amazons3readonlyaccess', '/', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'Provides read only access to all buckets via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAGBAX4M3WM6HIOXEXG', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:Get*",
        "s3:List*",
        "s3:Describe*",
        "s3-object-lambda:Get*",
        "s3-object-lambda:List*"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPA4BA2VC3WYACMGRQ42', NULL, 'AmazonSQSFullAccess', 'amazonsqsfullaccess', '/', 'arn:aws:iam::aws:policy/AmazonSQSFullAccess', 'Provides full access to Amazon SQS via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPA4BA2VC3WYACMGRQ42', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "sqs:*"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAOFQNHFMYL3W5SDUJD', NULL, 'AmazonSQSReadOnlyAccess', 'amazonsqsreadonlyaccess', '/', 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess', 'Provides read only access to Amazon SQS via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAOFQNHFMYL3W5SDUJD', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
        "sqs:ListDeadLetterSourceQueues",
        "sqs:ListQueues",
        "sqs:ListMessageMoveTasks",
        "sqs:ListQueueTags"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAUIM4SYTS5UAEBR6XI', NULL, 'SecretsManagerReadWrite', 'secretsmanagerreadwrite', '/', 'arn:aws:iam::aws:policy/SecretsManagerReadWrite', 'Provides read/write access to AWS Secrets Manager via the AWS Management Console.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAUIM4SYTS5UAEBR6XI', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "secretsmanager:*",
        "kms:DescribeKey",
        "kms:ListAliases",
        "kms:ListKeys"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES ('ANPAVEJZA7WRPOL2YCCSL', NULL, 'AWSOrganizationsReadOnlyAccess', 'awsorganizationsreadonlyaccess', '/', 'arn:aws:iam::aws:policy/AWSOrganizationsReadOnlyAccess', 'Provides read-only access to AWS Organizations.') ON CONFLICT DO NOTHING;
INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES ('ANPAVEJZA7WRPOL2YCCSL', 'v1', '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "organizations:Describe*",
        "organizations:List*",
        "account:GetAlternateContact",
        "account:GetContactInformation",
        "account:ListRegions"
      ],
      "Resource": "*"
    }
  ]
}', true) ON CONFLICT DO NOTHING;
