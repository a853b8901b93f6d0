import type { Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { readSessionTags, type TagValue } from '../../graphql/tags.js';
import { IAM_LIMITS, type TagInput } from '../identities/iamNameRules.js';

/** Reads tags stored as a JSON column (`[{ key, value }]`), as identity providers and instance profiles keep them. */
export function readJsonTags(json: Prisma.JsonValue): TagValue[] {
  return readSessionTags(json);
}

/**
 * Adds tags to a JSON tag list as IAM's Tag* operations do: a key already present (compared
 * case-insensitively) takes the new value, and more than 50 tags is LimitExceeded.
 */
export function mergeJsonTags(existing: Prisma.JsonValue, tags: readonly TagInput[]): TagValue[] {
  const merged = readJsonTags(existing).filter(
    (tag) => !tags.some((t) => t.key.toLowerCase() === tag.key.toLowerCase()),
  );
  merged.push(...tags.map((tag) => ({ key: tag.key, value: tag.value })));
  if (merged.length > IAM_LIMITS.tagsPerEntity)
    throw awsError('LimitExceeded', 'The number of tags has reached the maximum limit.');
  return merged;
}

/** Removes tags by key (case-insensitively), as IAM's Untag* operations do; absent keys are ignored. */
export function removeJsonTags(existing: Prisma.JsonValue, keys: readonly string[]): TagValue[] {
  const lower = new Set(keys.map((key) => key.toLowerCase()));
  return readJsonTags(existing).filter((tag) => !lower.has(tag.key.toLowerCase()));
}
