import type { Context } from '../../context.js';
import { compileStoredPolicy, type CompiledPolicy } from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { describePrincipal, type PrincipalSide } from '../authorization/assembleRequest.js';
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
 * facts from the version-keyed cache: the resource side the assembler loads for each decision.
 */
export function loadCachedResourceControlPolicies(context: Context, accountId: string): Promise<ResourceControlFacts> {
  const version = context.authorizationVersion;
  return required(
    getAuthorizationCaches(context.database.pool).resourceControlPolicies.get(accountId, version, async () => {
      const read = await version.get();
      const organization = await context.authorization.loaders.organizationLevels.load({
        accountId,
        type: 'RESOURCE_CONTROL_POLICY',
      });
      const levels: CompiledPolicy[][] = organization.levels.map((level) =>
        level.map((policy) => compileStoredPolicy(policy.document, 'rcp', policy.id)),
      );
      return {
        version: read,
        value: {
          levels,
          orgId: organization.organizationId,
          orgPaths: organization.organizationId === null ? null : organization.orgPaths,
          isManagementAccount: organization.isManagementAccount,
        },
      };
    }),
  );
}

async function required<T>(value: Promise<T | null>): Promise<T> {
  const found = await value;
  if (found === null) throw new Error('a version-keyed loader answered null for a value that always exists');
  return found;
}
