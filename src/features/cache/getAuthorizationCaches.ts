import type pg from 'pg';
import type { StoredAccessKey, StoredSession } from '../auth/CredentialStore.js';
import type { PrincipalSide } from '../authorization/assembleRequest.js';
import type { RoleWithTags } from './cachedRoles.js';
import { createVersionedCache, type VersionedCache } from './createVersionedCache.js';

/** An account's RCP levels and organization facts, as the door's resource side needs them (the engine applies the management exemption). */
export interface ResourceControlFacts {
  levels: PrincipalSide['scpLevels'];
  orgId: string | null;
  orgPaths: string[] | null;
  isManagementAccount: boolean;
}

/** Every version-keyed cache of one database, shared by all requests of the process that use it. */
export interface AuthorizationCaches {
  /** Long-term access keys by id. */
  accessKeys: VersionedCache<string, StoredAccessKey>;
  /** Temporary credentials by access key id. */
  sessions: VersionedCache<string, StoredSession>;
  /** The caller's side of an engine request (compiled identity policies, boundary, session policies, SCP levels) by access key id. */
  callerPolicies: VersionedCache<string, PrincipalSide>;
  /** RCP levels and organization facts by account id. */
  resourceControlPolicies: VersionedCache<string, ResourceControlFacts>;
  /** Roles with their tags by ARN (the role an STS call assumes). */
  roles: VersionedCache<string, RoleWithTags>;
  /** Frees every entry older than `version` in all of them (on NOTIFY, or when a request reads a newer version). */
  observe(version: number): void;
}

const byPool = new WeakMap<pg.Pool, AuthorizationCaches>();

/**
 * The caches of a database, created on first use: one set per pool, so per process and database, like the
 * authorization index. Keyed weakly, so a closed test database takes its caches with it.
 */
export function getAuthorizationCaches(pool: pg.Pool): AuthorizationCaches {
  let caches = byPool.get(pool);
  if (caches === undefined) {
    const accessKeys = createVersionedCache<string, StoredAccessKey>();
    const sessions = createVersionedCache<string, StoredSession>();
    const callerPolicies = createVersionedCache<string, PrincipalSide>();
    const resourceControlPolicies = createVersionedCache<string, ResourceControlFacts>({ maxEntries: 2_000 });
    const roles = createVersionedCache<string, RoleWithTags>({ maxEntries: 2_000 });
    const all = [accessKeys, sessions, callerPolicies, resourceControlPolicies, roles];
    caches = {
      accessKeys,
      sessions,
      callerPolicies,
      resourceControlPolicies,
      roles,
      observe: (version) => all.forEach((cache) => cache.observe(version)),
    };
    byPool.set(pool, caches);
  }
  return caches;
}
