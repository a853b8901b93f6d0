import { compilePolicy, type CompiledPolicy } from '../evaluate/compilePolicy.js';
import { compileStoredPolicy } from '../evaluate/compileStoredPolicy.js';
import type { AnalysisAccount } from './AuthorizationModel.js';
import type { RawOrganizations } from './AuthorizationSnapshot.js';

/**
 * Describes every account for the engine: its organization id, its org path (`o-…/r-…/ou-…/`), and the SCPs and
 * RCPs attached at each level from the root down to the account. An organization with no SCP attached anywhere
 * has SCPs disabled, so its accounts get no SCP levels (AWS attaches FullAWSAccess everywhere once enabled).
 * Policies that do not compile deny everything (compileStoredPolicy) and are reported in `invalid`.
 */
export function buildAnalysisAccounts(raw: RawOrganizations, invalid: string[] = []): Map<string, AnalysisAccount> {
  const units = new Map(raw.units.map((unit) => [unit.id, unit]));
  const managers = new Map(raw.organizations.map((org) => [org.id, org.managementAccountId]));
  const scpsByTarget = new Map<string, CompiledPolicy[]>();
  const rcpsByTarget = new Map<string, CompiledPolicy[]>();
  const scpOrganizations = new Set<string>();
  for (const policy of raw.organizationPolicies) {
    const kind = policy.type === 'SCP' ? 'scp' : 'rcp';
    if (!compilePolicy(policy.document, kind, policy.id).ok) invalid.push(policy.id);
    const compiled = compileStoredPolicy(policy.document, kind, policy.id);
    const byTarget = policy.type === 'SCP' ? scpsByTarget : rcpsByTarget;
    if (policy.type === 'SCP' && policy.targetIds.length > 0) scpOrganizations.add(policy.organizationId);
    for (const target of policy.targetIds) {
      const list = byTarget.get(target) ?? [];
      list.push(compiled);
      byTarget.set(target, list);
    }
  }
  const accounts = new Map<string, AnalysisAccount>();
  for (const account of raw.accounts) {
    if (account.organizationId === null) {
      accounts.set(account.id, {
        id: account.id,
        orgId: null,
        orgPaths: null,
        isManagementAccount: false,
        scpLevels: [],
        rcpLevels: [],
      });
      continue;
    }
    // Walk up from the account's parent to the root, then read the levels root-first.
    const chain: string[] = [];
    const seen = new Set<string>();
    for (
      let unitId = account.parentId;
      unitId !== null && !seen.has(unitId);
      unitId = units.get(unitId)?.parentId ?? null
    ) {
      seen.add(unitId);
      chain.unshift(unitId);
    }
    const targets = [...chain, account.id];
    const levels = (byTarget: Map<string, CompiledPolicy[]>) => targets.map((target) => byTarget.get(target) ?? []);
    const rcpLevels = levels(rcpsByTarget);
    accounts.set(account.id, {
      id: account.id,
      orgId: account.organizationId,
      orgPaths: [`${account.organizationId}/${chain.map((id) => `${id}/`).join('')}`],
      isManagementAccount: managers.get(account.organizationId) === account.id,
      scpLevels: scpOrganizations.has(account.organizationId) ? levels(scpsByTarget) : [],
      rcpLevels: rcpLevels.some((level) => level.length > 0) ? rcpLevels : [],
    });
  }
  return accounts;
}
