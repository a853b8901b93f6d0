import type { Context } from '../../context.js';
import type { Resource } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { parseArn } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import type { Acting } from '../identities/identities.service.js';
import { checkTags, type TagInput } from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext } from '../identities/replaceTags.js';
import { checkNamedPrincipals } from '../policies/checkNamedPrincipals.js';
import { checkPolicyDocument } from '../policies/checkPolicyDocument.js';
import { describeResourceArn, refuseAwsManagedKmsAliasWrite } from '../../iam/index.js';
import { resourceActions } from './resourceActions.js';

function readArn(arn: string) {
  const parsed = parseArn(arn);
  if (parsed === null || parsed.service === '' || parsed.resource === '')
    throw awsError('ValidationError', `Invalid ARN: ${arn}`);
  return { parsed, ...describeResourceArn(arn) };
}

/**
 * Creates a resource by ARN (an S3 bucket, SQS queue, KMS key, ...) in the acting account, authorized as
 * the service's create action, with its optional resource policy (validated by the engine) and tags, in one
 * transaction. An ARN naming another account is denied as AWS would deny it.
 */
export async function createResource(
  context: Context,
  args: Acting & { arn: string; policy?: string | null; tags?: TagInput[] | null },
): Promise<Resource> {
  const { parsed, service, resourceType } = readArn(args.arn);
  const reserved = service === 'kms' ? refuseAwsManagedKmsAliasWrite(args.arn) : null;
  if (reserved !== null) throw awsError(reserved.code, reserved.message);
  const tags = args.tags ?? [];
  checkTags(tags);
  const actions = resourceActions(service, resourceType);
  let policy: string | null = null;
  if (args.policy != null) {
    if (actions.putPolicy === null)
      throw awsError('ValidationError', `Resources of type ${service}:${resourceType} have no resource-based policy`);
    checkPolicyDocument(args.policy, 'resource');
    policy = await checkNamedPrincipals(context.database.prisma, args.policy, 'resource');
  }
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const owner = parsed.account || accountId;
  await authorize(context, {
    action: actions.create,
    resourceArn: args.arn,
    resourceAccountId: owner,
    context: requestTagContext(tags),
  });
  if (args.policy != null && actions.putPolicy !== null) {
    await authorize(context, { action: actions.putPolicy, resourceArn: args.arn, resourceAccountId: owner });
  }
  return context.database.prisma.$transaction(async (tx) => {
    if (await tx.resource.findUnique({ where: { arn: args.arn } }))
      throw awsError('EntityAlreadyExists', `The resource ${args.arn} already exists.`);
    const resource = await tx.resource.create({
      data: { arn: args.arn, accountId: owner, service, resourceType, policyDocument: policy },
    });
    await replaceTags(tx, { resourceId: resource.id }, tags);
    return resource;
  });
}

/**
 * Sets a resource's policy, authorized as the service's own action (s3:PutBucketPolicy, kms:PutKeyPolicy,
 * ...) against the resource's current policy too, so a bucket policy that denies PutBucketPolicy holds. An
 * AWS managed KMS alias (`alias/aws/…`) is AWS's: no customer changes it.
 */
export async function putResourcePolicy(
  context: Context,
  args: Acting & { resourceArn: string; policy: string },
): Promise<Resource> {
  const { parsed, service, resourceType } = readArn(args.resourceArn);
  const reserved = service === 'kms' ? refuseAwsManagedKmsAliasWrite(args.resourceArn) : null;
  if (reserved !== null) throw awsError(reserved.code, reserved.message);
  const actions = resourceActions(service, resourceType);
  if (actions.putPolicy === null)
    throw awsError('ValidationError', `Resources of type ${service}:${resourceType} have no resource-based policy`);
  checkPolicyDocument(args.policy, 'resource');
  const policy = await checkNamedPrincipals(context.database.prisma, args.policy, 'resource');
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const found = await context.database.prisma.resource.findUnique({
    where: { arn: args.resourceArn },
    include: { tags: true },
  });
  await authorize(context, {
    action: actions.putPolicy,
    resourceArn: args.resourceArn,
    resourceAccountId: found?.accountId ?? (parsed.account || accountId),
    resourcePolicy: found?.policyDocument ?? null,
    resourceKind: service === 'kms' && found?.policyDocument ? 'kmsKey' : 'other',
    resourceTags: found ? Object.fromEntries(found.tags.map((tag) => [tag.key, tag.value])) : null,
  });
  if (found === null) throw awsError('NoSuchEntity', `The resource ${args.resourceArn} cannot be found.`);
  return context.database.prisma.resource.update({
    where: { id: found.id },
    data: { policyDocument: policy, updatedAt: new Date() },
  });
}
