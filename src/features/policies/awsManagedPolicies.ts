import { formatAwsManagedPolicyArn } from '../../iam/index.js';
import { createHash } from 'node:crypto';

/** One AWS managed policy of the playground's curated catalogue. */
export interface AwsManagedPolicy {
  name: string;
  /** `/` for most; AWS keeps job-function policies under `/job-function/`. */
  path: string;
  description: string;
  document: string;
}

const doc = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

/**
 * The curated AWS managed policies every account shares, with documents modelled on AWS's own (the large
 * read-only ones trimmed to the services the playground models), so attaching `ReadOnlyAccess` or
 * `PowerUserAccess` behaves as it does in AWS for those services.
 */
export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  },
  {
    name: 'PowerUserAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    document: doc([
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
        Resource: '*',
      },
    ]),
  },
  {
    name: 'ReadOnlyAccess',
    path: '/',
    description: 'Provides read-only access to AWS services and resources.',
    document: doc([
      {
        Effect: 'Allow',
        Action: [
          'iam:Generate*', 'iam:Get*', 'iam:List*', 'iam:Simulate*', 'kms:Describe*', 'kms:Get*', 'kms:List*',
          'organizations:Describe*', 'organizations:List*', 's3:Describe*', 's3:Get*', 's3:List*', 'secretsmanager:Describe*',
          'secretsmanager:GetResourcePolicy', 'secretsmanager:List*', 'sns:Get*', 'sns:List*', 'sqs:Get*', 'sqs:List*',
          'sqs:Receive*', 'sts:GetCallerIdentity', 'dynamodb:Describe*', 'dynamodb:Get*', 'dynamodb:List*', 'dynamodb:Query',
          'dynamodb:Scan', 'ec2:Describe*', 'ec2:Get*', 'lambda:Get*', 'lambda:List*', 'logs:Describe*', 'logs:Get*',
          'cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*', 'cloudtrail:LookupEvents',
        ],
        Resource: '*',
      },
    ]),
  },
  {
    name: 'ViewOnlyAccess',
    path: '/job-function/',
    description: 'This policy grants permissions to view resources and basic metadata across all AWS services.',
    document: doc([
      {
        Effect: 'Allow',
        Action: [
          'iam:GetAccountSummary', 'iam:GetLoginProfile', 'iam:List*', 'kms:ListAliases', 'kms:ListKeys', 'organizations:List*',
          's3:GetBucketLocation', 's3:GetBucketPolicyStatus', 's3:ListAllMyBuckets', 's3:ListBucket', 'secretsmanager:ListSecrets',
          'sns:ListSubscriptions', 'sns:ListTopics', 'sqs:ListQueues', 'dynamodb:ListTables', 'ec2:DescribeInstances',
          'lambda:ListFunctions', 'cloudtrail:DescribeTrails', 'cloudtrail:LookupEvents',
        ],
        Resource: '*',
      },
    ]),
  },
  {
    name: 'SecurityAudit',
    path: '/',
    description: 'The security audit template grants access to read security configuration metadata.',
    document: doc([
      {
        Effect: 'Allow',
        Action: [
          'iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy',
          'iam:SimulatePrincipalPolicy', 'kms:Describe*', 'kms:Get*', 'kms:List*', 'organizations:Describe*', 'organizations:List*',
          's3:GetAccessPoint*', 's3:GetBucket*', 's3:GetEncryptionConfiguration', 's3:GetLifecycleConfiguration', 's3:ListAllMyBuckets',
          'secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:ListSecrets', 'sns:GetTopicAttributes',
          'sns:ListTopics', 'sqs:GetQueueAttributes', 'sqs:ListQueues', 'cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus',
          'cloudtrail:LookupEvents',
        ],
        Resource: '*',
      },
    ]),
  },
  {
    name: 'IAMFullAccess',
    path: '/',
    description: 'Provides full access to IAM via the AWS Management Console.',
    document: doc([
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'],
        Resource: '*',
      },
    ]),
  },
  {
    name: 'IAMReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'], Resource: '*' }]),
  },
  {
    name: 'AmazonS3FullAccess',
    path: '/',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }]),
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }]),
  },
  {
    name: 'AmazonSQSFullAccess',
    path: '/',
    description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['sqs:*'], Resource: '*' }]),
  },
  {
    name: 'AmazonSQSReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to Amazon SQS via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags'], Resource: '*' }]),
  },
  {
    name: 'SecretsManagerReadWrite',
    path: '/',
    description: 'Provides read/write access to AWS Secrets Manager via the AWS Management Console.',
    document: doc([{ Effect: 'Allow', Action: ['secretsmanager:*', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys'], Resource: '*' }]),
  },
  {
    name: 'AWSOrganizationsReadOnlyAccess',
    path: '/',
    description: 'Provides read-only access to AWS Organizations.',
    document: doc([{ Effect: 'Allow', Action: ['organizations:Describe*', 'organizations:List*', 'account:GetAlternateContact', 'account:GetContactInformation', 'account:ListRegions'], Resource: '*' }]),
  },
];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The ARN of an AWS managed policy: `arn:aws:iam::aws:policy/PATH/NAME`. */
export function awsManagedPolicyArn(policy: Pick<AwsManagedPolicy, 'name' | 'path'>): string {
  return formatAwsManagedPolicyArn(policy.name, policy.path);
}

/**
 * A stable `ANPA…` id derived from the name, so every database (and every re-seed) gives an AWS managed
 * policy the same id, as AWS does.
 */
export function awsManagedPolicyId(name: string): string {
  const digest = createHash('sha256').update(name).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i += 1) id += BASE32[digest[i]! % 32];
  return id;
}
