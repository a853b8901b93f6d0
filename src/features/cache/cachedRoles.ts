import type { Prisma } from '../../generated/prisma/client.js';
import type { Context } from '../../context.js';
import { getAuthorizationCaches } from './getAuthorizationCaches.js';

/** A stored role with its tags: what STS reads of the role a caller assumes. */
export type RoleWithTags = Prisma.RoleGetPayload<{ include: { tags: true } }>;

/**
 * A role and its tags by ARN, from the version-keyed cache: every write to a role or its tags bumps the
 * authorization version, so a cached role is never older than a write committed before the request. A role
 * that does not exist is not cached (one created later is found). The value is shared: never mutate it.
 */
export function loadCachedRole(context: Context, arn: string): Promise<RoleWithTags | null> {
  const version = context.authorizationVersion;
  return getAuthorizationCaches(context.database.pool).roles.get(arn, version, async () => {
    const read = await version.get();
    return {
      version: read,
      value: await context.database.prisma.role.findUnique({ where: { arn }, include: { tags: true } }),
    };
  });
}
