import type { Context } from '../../context.js';
import type { Caller } from '../auth/Caller.js';
import { loadCallerPolicies, loadResourceControlPolicies, type CallerPolicies } from '../authorization/loadCallerPolicies.js';
import { getAuthorizationCaches, type ResourceControlFacts } from './getAuthorizationCaches.js';

/**
 * The caller's side of an engine request — compiled identity policies, boundary, session policies, principal
 * facts and its account's SCP levels — from the version-keyed cache: for a cached caller, no statement beyond the
 * request's version check. What the door's assembler calls instead of `loadCallerPolicies` (same result).
 */
export function loadCachedCallerPolicies(context: Context, caller: Caller): Promise<CallerPolicies> {
  const version = context.authorizationVersion;
  return required(
    getAuthorizationCaches(context.database.pool).callerPolicies.get(caller.accessKeyId, version, async () => ({
      version: await version.get(),
      value: await loadCallerPolicies(context.database.prisma, caller),
    })),
  );
}

/** An account's RCP levels and organization facts from the version-keyed cache; what the door calls instead of `loadResourceControlPolicies`. */
export function loadCachedResourceControlPolicies(context: Context, accountId: string): Promise<ResourceControlFacts> {
  const version = context.authorizationVersion;
  return required(
    getAuthorizationCaches(context.database.pool).resourceControlPolicies.get(accountId, version, async () => ({
      version: await version.get(),
      value: await loadResourceControlPolicies(context.database.prisma, accountId),
    })),
  );
}

async function required<T>(value: Promise<T | null>): Promise<T> {
  const found = await value;
  if (found === null) throw new Error('a version-keyed loader answered null for a value that always exists');
  return found;
}
