/**
 * A compact catalogue of common services' actions, enough to warn about a misspelt action (as Access
 * Analyzer does) without shipping AWS's full service reference. Services not listed are never warned about.
 */
export const ACTION_CATALOGUE: Readonly<Record<string, readonly string[]>> = {
  s3: [
    'AbortMultipartUpload', 'CreateBucket', 'DeleteBucket', 'DeleteBucketPolicy', 'DeleteObject', 'DeleteObjectTagging',
    'DeleteObjectVersion', 'GetBucketAcl', 'GetBucketLocation', 'GetBucketPolicy', 'GetBucketPublicAccessBlock',
    'GetBucketTagging', 'GetBucketVersioning', 'GetEncryptionConfiguration', 'GetLifecycleConfiguration', 'GetObject',
    'GetObjectAcl', 'GetObjectAttributes', 'GetObjectTagging', 'GetObjectVersion', 'ListAllMyBuckets', 'ListBucket',
    'ListBucketMultipartUploads', 'ListBucketVersions', 'ListMultipartUploadParts', 'PutBucketAcl', 'PutBucketPolicy',
    'PutBucketPublicAccessBlock', 'PutBucketTagging', 'PutBucketVersioning', 'PutEncryptionConfiguration',
    'PutLifecycleConfiguration', 'PutObject', 'PutObjectAcl', 'PutObjectTagging', 'RestoreObject',
  ],
  iam: [
    'AddUserToGroup', 'AttachGroupPolicy', 'AttachRolePolicy', 'AttachUserPolicy', 'ChangePassword', 'CreateAccessKey',
    'CreateGroup', 'CreateLoginProfile', 'CreatePolicy', 'CreatePolicyVersion', 'CreateRole', 'CreateServiceLinkedRole',
    'CreateUser', 'DeleteAccessKey', 'DeleteGroup', 'DeleteGroupPolicy', 'DeletePolicy', 'DeletePolicyVersion',
    'DeleteRole', 'DeleteRolePermissionsBoundary', 'DeleteRolePolicy', 'DeleteUser', 'DeleteUserPermissionsBoundary',
    'DeleteUserPolicy', 'DetachGroupPolicy', 'DetachRolePolicy', 'DetachUserPolicy', 'GetAccountAuthorizationDetails',
    'GetGroup', 'GetGroupPolicy', 'GetPolicy', 'GetPolicyVersion', 'GetRole', 'GetRolePolicy', 'GetUser', 'GetUserPolicy',
    'ListAccessKeys', 'ListAttachedGroupPolicies', 'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'ListGroups',
    'ListGroupsForUser', 'ListPolicies', 'ListPolicyVersions', 'ListRolePolicies', 'ListRoles', 'ListRoleTags',
    'ListUserPolicies', 'ListUsers', 'ListUserTags', 'PassRole', 'PutGroupPolicy', 'PutRolePermissionsBoundary',
    'PutRolePolicy', 'PutUserPermissionsBoundary', 'PutUserPolicy', 'RemoveUserFromGroup', 'SetDefaultPolicyVersion',
    'SimulateCustomPolicy', 'SimulatePrincipalPolicy', 'TagRole', 'TagUser', 'UntagRole', 'UntagUser',
    'UpdateAccessKey', 'UpdateAssumeRolePolicy', 'UpdateRole', 'UpdateUser',
  ],
  sts: [
    'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'DecodeAuthorizationMessage', 'GetAccessKeyInfo',
    'GetCallerIdentity', 'GetFederationToken', 'GetSessionToken', 'SetSourceIdentity', 'TagSession',
  ],
  kms: [
    'CancelKeyDeletion', 'CreateAlias', 'CreateGrant', 'CreateKey', 'Decrypt', 'DeleteAlias', 'DescribeKey', 'DisableKey',
    'DisableKeyRotation', 'EnableKey', 'EnableKeyRotation', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair',
    'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GetKeyPolicy', 'GetKeyRotationStatus', 'GetPublicKey',
    'ListAliases', 'ListGrants', 'ListKeyPolicies', 'ListKeys', 'ListResourceTags', 'PutKeyPolicy', 'ReEncryptFrom',
    'ReEncryptTo', 'RetireGrant', 'RevokeGrant', 'ScheduleKeyDeletion', 'Sign', 'TagResource', 'UntagResource',
    'UpdateAlias', 'UpdateKeyDescription', 'Verify', 'VerifyMac',
  ],
  sqs: [
    'AddPermission', 'ChangeMessageVisibility', 'CreateQueue', 'DeleteMessage', 'DeleteQueue', 'GetQueueAttributes',
    'GetQueueUrl', 'ListDeadLetterSourceQueues', 'ListQueues', 'ListQueueTags', 'PurgeQueue', 'ReceiveMessage',
    'RemovePermission', 'SendMessage', 'SetQueueAttributes', 'TagQueue', 'UntagQueue',
  ],
  sns: [
    'AddPermission', 'ConfirmSubscription', 'CreateTopic', 'DeleteTopic', 'GetSubscriptionAttributes', 'GetTopicAttributes',
    'ListSubscriptions', 'ListSubscriptionsByTopic', 'ListTagsForResource', 'ListTopics', 'Publish', 'RemovePermission',
    'SetSubscriptionAttributes', 'SetTopicAttributes', 'Subscribe', 'TagResource', 'Unsubscribe', 'UntagResource',
  ],
  ec2: [
    'AllocateAddress', 'AssociateAddress', 'AttachVolume', 'AuthorizeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress',
    'CreateImage', 'CreateKeyPair', 'CreateSecurityGroup', 'CreateSnapshot', 'CreateTags', 'CreateVolume', 'CreateVpc',
    'DeleteKeyPair', 'DeleteSecurityGroup', 'DeleteSnapshot', 'DeleteTags', 'DeleteVolume', 'DeleteVpc',
    'DescribeImages', 'DescribeInstances', 'DescribeRegions', 'DescribeSecurityGroups', 'DescribeSnapshots',
    'DescribeSubnets', 'DescribeTags', 'DescribeVolumes', 'DescribeVpcs', 'DetachVolume', 'ModifyInstanceAttribute',
    'RebootInstances', 'ReleaseAddress', 'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RunInstances',
    'StartInstances', 'StopInstances', 'TerminateInstances',
  ],
  lambda: [
    'AddPermission', 'CreateAlias', 'CreateEventSourceMapping', 'CreateFunction', 'CreateFunctionUrlConfig', 'DeleteAlias',
    'DeleteFunction', 'GetAlias', 'GetFunction', 'GetFunctionConfiguration', 'GetPolicy', 'InvokeFunction',
    'InvokeFunctionUrl', 'ListAliases', 'ListFunctions', 'ListTags', 'ListVersionsByFunction', 'PublishVersion',
    'RemovePermission', 'TagResource', 'UntagResource', 'UpdateFunctionCode', 'UpdateFunctionConfiguration',
  ],
  dynamodb: [
    'BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'CreateTable', 'DeleteItem', 'DeleteTable', 'DescribeStream',
    'DescribeTable', 'DescribeTimeToLive', 'GetItem', 'GetRecords', 'GetShardIterator', 'ListStreams', 'ListTables',
    'ListTagsOfResource', 'PartiQLSelect', 'PutItem', 'Query', 'Scan', 'TagResource', 'UntagResource', 'UpdateItem',
    'UpdateTable', 'UpdateTimeToLive',
  ],
  secretsmanager: [
    'CancelRotateSecret', 'CreateSecret', 'DeleteResourcePolicy', 'DeleteSecret', 'DescribeSecret', 'GetRandomPassword',
    'GetResourcePolicy', 'GetSecretValue', 'ListSecrets', 'ListSecretVersionIds', 'PutResourcePolicy', 'PutSecretValue',
    'RestoreSecret', 'RotateSecret', 'TagResource', 'UntagResource', 'UpdateSecret', 'UpdateSecretVersionStage',
  ],
  organizations: [
    'AttachPolicy', 'CreateAccount', 'CreateOrganization', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeletePolicy',
    'DescribeAccount', 'DescribeOrganization', 'DescribeOrganizationalUnit', 'DescribePolicy', 'DetachPolicy',
    'DisablePolicyType', 'EnablePolicyType', 'LeaveOrganization', 'ListAccounts', 'ListAccountsForParent', 'ListChildren',
    'ListOrganizationalUnitsForParent', 'ListParents', 'ListPolicies', 'ListPoliciesForTarget', 'ListRoots',
    'ListTargetsForPolicy', 'MoveAccount', 'RemoveAccountFromOrganization', 'TagResource', 'UntagResource', 'UpdatePolicy',
  ],
  logs: [
    'CreateLogGroup', 'CreateLogStream', 'DeleteLogGroup', 'DeleteLogStream', 'DescribeLogGroups', 'DescribeLogStreams',
    'FilterLogEvents', 'GetLogEvents', 'PutLogEvents', 'PutRetentionPolicy', 'StartQuery', 'GetQueryResults', 'TagResource',
  ],
  cloudwatch: [
    'DeleteAlarms', 'DeleteDashboards', 'DescribeAlarms', 'DisableAlarmActions', 'EnableAlarmActions', 'GetDashboard',
    'GetMetricData', 'GetMetricStatistics', 'ListDashboards', 'ListMetrics', 'PutDashboard', 'PutMetricAlarm',
    'PutMetricData', 'SetAlarmState', 'TagResource', 'UntagResource',
  ],
};
