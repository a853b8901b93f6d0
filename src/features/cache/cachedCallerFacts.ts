import type { Context } from '../../context.js';
import type { Database } from '../../db/openDatabase.js';
import type { Caller } from '../auth/Caller.js';
import { describePrincipal, type CacheResourceControls, type PrincipalSide } from '../authorization/assembleRequest.js';
import type { RequestVersion } from './RequestVersion.js';
import { getAuthorizationCaches, type ResourceControlFacts } from './getAuthorizationCaches.js';

/**
 * The signed caller's side of an engine request — compiled identity policies, boundary, session policies,
 * principal facts and its account's SCP levels, as the door's assembler describes it (`describePrincipal`) —
 * from the version-keyed cache: for a cached caller, no statement beyond the request's version check.
 */
export function loadCachedCallerSide(context: Context, caller: Caller): Promise<PrincipalSide> {
  const version = context.authorizationVersion;
  return required(
    getAuthorizationCaches(context.database.pool).callerPolicies.get(caller.accessKeyId, version, async () => ({
      version: await version.get(),
      value: await describePrincipal(context.authorization.loaders, { kind: 'caller', caller }),
    })),
  );
}

/**
 * An account's RCP levels (compiled; a stored one that no longer compiles denies everything) and organization
 * facts: the resource side the assembler describes for each decision, from the request's loaders — which read
 * it through the version-keyed cache ({@link cacheResourceControls}).
 */
export function loadCachedResourceControlPolicies(context: Context, accountId: string): Promise<ResourceControlFacts> {
  return context.authorization.loaders.resourceControls(accountId);
}

/**
 * The version-keyed cache of accounts' resource sides for one request at `version`: an entry loaded at the
 * request's version or later serves it; else `describe()` runs, after the version is read, so the entry is
 * never newer than the version it is stored under.
 */
export function cacheResourceControls(
  database: Pick<Database, 'pool'>,
  version: RequestVersion,
): CacheResourceControls {
  const cache = getAuthorizationCaches(database.pool).resourceControlPolicies;
  return (accountId, describe) =>
    required(
      cache.get(accountId, version, async () => {
        const read = await version.get();
        return { version: read, value: await describe() };
      }),
    );
}

/** The signed caller's side, described once per request (and shared between requests by the cache). */
export function loadRequestCallerSide(context: Context, caller: Caller): Promise<PrincipalSide> {
  return (context.authorization.callerSide ??= loadCachedCallerSide(context, caller));
}

async function required<T>(value: Promise<T | null>): Promise<T> {
  const found = await value;
  if (found === null) throw new Error('a version-keyed loader answered null for a value that always exists');
  return found;
}
