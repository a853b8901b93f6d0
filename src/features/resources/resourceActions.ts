/** The actions AWS checks to create a resource and to set its policy, per `service:resourceType`. */
interface ResourceActions {
  create: string;
  /** null when the resource type has no resource-based policy (S3 objects). */
  putPolicy: string | null;
}

const KNOWN: Readonly<Record<string, ResourceActions>> = {
  's3:bucket': { create: 's3:CreateBucket', putPolicy: 's3:PutBucketPolicy' },
  's3:object': { create: 's3:PutObject', putPolicy: null },
  'sqs:queue': { create: 'sqs:CreateQueue', putPolicy: 'sqs:SetQueueAttributes' },
  'sns:topic': { create: 'sns:CreateTopic', putPolicy: 'sns:SetTopicAttributes' },
  'kms:key': { create: 'kms:CreateKey', putPolicy: 'kms:PutKeyPolicy' },
  'secretsmanager:secret': { create: 'secretsmanager:CreateSecret', putPolicy: 'secretsmanager:PutResourcePolicy' },
  'lambda:function': { create: 'lambda:CreateFunction', putPolicy: 'lambda:AddPermission' },
  'dynamodb:table': { create: 'dynamodb:CreateTable', putPolicy: 'dynamodb:PutResourcePolicy' },
  'ecr:repository': { create: 'ecr:CreateRepository', putPolicy: 'ecr:SetRepositoryPolicy' },
  'logs:destination': { create: 'logs:PutDestination', putPolicy: 'logs:PutDestinationPolicy' },
};

/**
 * The IAM actions for creating a resource and setting its policy, as the service's own API checks them
 * (s3:CreateBucket and s3:PutBucketPolicy, sqs:CreateQueue and sqs:SetQueueAttributes, ...); other
 * services fall back to `service:CreateType` and `service:PutResourcePolicy`.
 */
export function resourceActions(service: string, resourceType: string): ResourceActions {
  const known = KNOWN[`${service}:${resourceType}`];
  if (known) return known;
  const type = resourceType.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
  return { create: `${service}:Create${type}`, putPolicy: `${service}:PutResourcePolicy` };
}
