import type { Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import type { ContextEntry } from '../../iam/index.js';
import { IAM_LIMITS, type TagInput } from './iamNameRules.js';

/** The one owner of a tag row. */
export type TagOwner = { userId: string } | { roleId: string } | { resourceId: string } | { policyId: string };

/**
 * Adds tags to an owner, replacing the value of a key it already has (keys compare case-insensitively, as
 * in IAM's TagUser/TagRole/TagPolicy), and refuses to pass 50 tags with LimitExceeded. Call inside the transaction.
 */
export async function replaceTags(
  tx: Prisma.TransactionClient,
  owner: TagOwner,
  tags: readonly TagInput[],
): Promise<void> {
  if (tags.length === 0) return;
  const existing = await tx.tag.findMany({ where: owner, select: { keyLower: true } });
  const keys = new Set([...existing.map((tag) => tag.keyLower), ...tags.map((tag) => tag.key.toLowerCase())]);
  if (keys.size > IAM_LIMITS.tagsPerEntity)
    throw awsError('LimitExceeded', 'The number of tags has reached the maximum limit.');
  await tx.tag.deleteMany({ where: { ...owner, keyLower: { in: tags.map((tag) => tag.key.toLowerCase()) } } });
  await tx.tag.createMany({
    data: tags.map((tag) => ({ ...owner, key: tag.key, keyLower: tag.key.toLowerCase(), value: tag.value })),
  });
}

/** The request keys a tagging request carries: aws:RequestTag/KEY per tag and aws:TagKeys. */
export function requestTagContext(tags: readonly TagInput[]): ContextEntry[] {
  if (tags.length === 0) return [];
  return [
    ...tags.map((tag) => ({ key: `aws:RequestTag/${tag.key}`, values: [tag.value], type: 'string' as const })),
    ...tagKeysContext(tags.map((tag) => tag.key)),
  ];
}

/** The context of an untag request: `aws:TagKeys`, the keys it removes. */
export function tagKeysContext(tagKeys: readonly string[]): ContextEntry[] {
  return [{ key: 'aws:TagKeys', values: [...tagKeys], type: 'stringList' }];
}
