import type { Prisma } from '../generated/prisma/client.js';

/** A tag as resolvers hand it to GraphQL: a stored tag row or a session tag from JSON. */
export interface TagValue {
  key: string;
  value: string;
}

/**
 * Reads session tags from their JSON column. STS writes `[{ key, value }]`; anything else in the column
 * is skipped rather than failing the whole query, since the column is not schema-checked.
 */
export function readSessionTags(json: Prisma.JsonValue): TagValue[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const { key, value } = item as Record<string, unknown>;
    return typeof key === 'string' && typeof value === 'string' ? [{ key, value }] : [];
  });
}
