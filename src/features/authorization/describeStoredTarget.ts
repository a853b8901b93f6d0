import type { Context } from '../../context.js';
import { parseArn } from '../../iam/index.js';
import type { AssemblyTarget } from './assembleRequest.js';

/** Actions whose target, when it is a stored role, is the role's trust policy. */
const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity']);

const S3_OBJECT = /^(arn:aws:s3:::[^/]+)\/.+$/;

/**
 * Resolves a resource ARN against what is stored, the way the analysis index does: a stored role is the
 * target of sts:AssumeRole (its trust policy must allow), a stored resource brings its policy and tags (an S3
 * object is decided by its bucket), a KMS key needs its key policy; anything else is an ARN in the account it
 * names (or, for ARNs without an account such as S3's, the principal's). Reads through the request's loaders.
 */
export async function describeStoredTarget(context: Context, arn: string, action: string): Promise<AssemblyTarget> {
  const bucketArn = S3_OBJECT.exec(arn)?.[1];
  const [role, bucket, resource] = await Promise.all([
    context.loaders.roles.byArn.load(arn),
    bucketArn === undefined ? null : context.loaders.resources.byArn.load(bucketArn),
    context.loaders.resources.byArn.load(arn),
  ]);
  const tagsOf = async (owner: `role:${string}` | `resource:${string}`) =>
    Object.fromEntries((await context.loaders.identities.tagsByOwner.load(owner)).map((tag) => [tag.key, tag.value]));
  if (role !== null && TRUST_ACTIONS.has(action.toLowerCase())) {
    return {
      arn,
      accountId: role.accountId,
      kind: 'trust',
      policy: role.assumeRolePolicyDocument,
      policyId: `${role.arn}#trust`,
      tags: await tagsOf(`role:${role.id}`),
    };
  }
  const stored = bucket ?? resource;
  if (stored !== null) {
    const kind = stored.service === 'kms' && stored.resourceType === 'key' ? 'kmsKey' : 'other';
    return {
      arn,
      accountId: stored.accountId,
      kind,
      policy: stored.policyDocument,
      policyId: stored.arn,
      tags: await tagsOf(`resource:${stored.id}`),
    };
  }
  return {
    arn,
    accountId: role?.accountId ?? (parseArn(arn)?.account || null),
    kind: 'other',
    tags: role === null ? null : await tagsOf(`role:${role.id}`),
  };
}
