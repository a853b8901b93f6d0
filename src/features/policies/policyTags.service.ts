import type { Context } from '../../context.js';
import type { ManagedPolicy } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import type { Acting } from '../identities/identities.service.js';
import { checkTags, IAM_LIMITS, type TagInput } from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext, tagKeysContext } from '../identities/replaceTags.js';
import { writePolicy } from './policies.service.js';

/**
 * iam:TagPolicy: adds tags to a customer managed policy or overwrites their values (keys compare
 * case-insensitively), at most 50 (LimitExceeded), authorized with aws:RequestTag/* and aws:TagKeys. AWS
 * managed policies are AWS's: refused as every other write to them is.
 */
export function tagPolicy(
  context: Context,
  args: Acting & { policyArn: string; tags: readonly TagInput[] },
): Promise<ManagedPolicy> {
  checkTags(args.tags);
  return writePolicy(
    context,
    args,
    'iam:TagPolicy',
    async (tx, policy) => {
      await replaceTags(tx, { policyId: policy.id }, args.tags);
      return policy;
    },
    requestTagContext(args.tags),
  );
}

/** iam:UntagPolicy: removes the tags with the given keys (1–50 keys), authorized with aws:TagKeys. */
export function untagPolicy(
  context: Context,
  args: Acting & { policyArn: string; tagKeys: readonly string[] },
): Promise<ManagedPolicy> {
  if (args.tagKeys.length < 1 || args.tagKeys.length > IAM_LIMITS.tagsPerEntity) {
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and ${IAM_LIMITS.tagsPerEntity}`,
    );
  }
  return writePolicy(
    context,
    args,
    'iam:UntagPolicy',
    async (tx, policy) => {
      const keys = args.tagKeys.map((key) => key.toLowerCase());
      await tx.tag.deleteMany({ where: { policyId: policy.id, keyLower: { in: keys } } });
      return policy;
    },
    tagKeysContext(args.tagKeys),
  );
}
