import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { AnalysisAccount, AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import type { AccountSlice } from './compileAccountSlice.js';
import { EMPTY_GRANT_INDEX, patchGrantIndex } from './createGrantIndex.js';

/**
 * Joins the accounts and the per-account slices into one model with its lookup maps, the inverted trust index
 * (the users and roles each trust policy names → the roles) and the grant index.
 */
export function assembleAuthorizationModel(
  accounts: ReadonlyMap<string, AnalysisAccount>,
  slices: Iterable<AccountSlice>,
  invalidOrganizationPolicies: readonly string[] = [],
): AuthorizationModel {
  const empty: AuthorizationModel = {
    accounts,
    slices: new Map(),
    principals: new Map(),
    principalsByAccount: new Map(),
    roles: new Map(),
    resources: new Map(),
    trust: { byArn: new Map() },
    grants: EMPTY_GRANT_INDEX,
    policyDocuments: new Map(),
    invalidPolicies: [],
  };
  return patchAuthorizationModel(empty, accounts, slices, [], invalidOrganizationPolicies);
}

/**
 * A new model in which the slices of `replaced` accounts (and `removed` ones) take the place of the previous
 * model's, everything else shared: the work is the changed accounts' rows plus copying the lookup maps' entries
 * (native map copies), so a write to one account of a large organization is reflected in milliseconds. The
 * previous model is left as it was, for readers still holding it.
 */
export function patchAuthorizationModel(
  previous: AuthorizationModel,
  accounts: ReadonlyMap<string, AnalysisAccount>,
  replaced: Iterable<AccountSlice>,
  removed: Iterable<string>,
  invalidOrganizationPolicies: readonly string[] = [],
): AuthorizationModel {
  const slices = new Map(previous.slices);
  const principals = new Map(previous.principals);
  const principalsByAccount = new Map(previous.principalsByAccount);
  const roles = new Map(previous.roles);
  const resources = new Map(previous.resources);
  const policyDocuments = new Map(previous.policyDocuments);
  const trust = new Map(previous.trust.byArn);
  // Lists of `trust` this patch made itself (the rest are shared with `previous` and must be copied before a change).
  const owned = new Set<string>();
  const oldSlices: AccountSlice[] = [];
  const newSlices = [...replaced];
  for (const accountId of [...removed, ...newSlices.map((slice) => slice.accountId)]) {
    const old = slices.get(accountId);
    if (old === undefined) continue;
    oldSlices.push(old);
    slices.delete(accountId);
    principalsByAccount.delete(accountId);
    for (const principal of [...old.users, ...old.roles]) if (principals.get(principal.arn) === principal) principals.delete(principal.arn);
    for (const role of old.roles) if (roles.get(role.arn) === role) roles.delete(role.arn);
    for (const resource of old.resources) if (resources.get(resource.arn) === resource) resources.delete(resource.arn);
    for (const [id, text] of old.policyDocuments) if (policyDocuments.get(id) === text) policyDocuments.delete(id);
    const gone = new Set<AnalysisRole>(old.roles);
    for (const arn of namedArns(old.roles)) {
      const kept = (trust.get(arn) ?? []).filter((role) => !gone.has(role));
      if (kept.length === 0) trust.delete(arn);
      else trust.set(arn, kept);
      owned.add(arn);
    }
  }
  for (const slice of newSlices) {
    const members: (AnalysisUser | AnalysisRole)[] = [...slice.users, ...slice.roles];
    slices.set(slice.accountId, slice);
    for (const principal of members) principals.set(principal.arn, principal);
    for (const role of slice.roles) roles.set(role.arn, role);
    for (const resource of slice.resources) resources.set(resource.arn, resource);
    principalsByAccount.set(slice.accountId, members);
    for (const [id, text] of slice.policyDocuments) policyDocuments.set(id, text);
    addTrust(trust, owned, slice.roles);
  }
  const invalidPolicies = [...invalidOrganizationPolicies];
  for (const slice of slices.values()) if (slice.invalidPolicies.length > 0) invalidPolicies.push(...slice.invalidPolicies);
  return {
    accounts,
    slices,
    principals,
    principalsByAccount,
    roles,
    resources,
    trust: { byArn: trust },
    grants: patchGrantIndex(previous.grants, oldSlices.map((slice) => slice.grants), newSlices.map((slice) => slice.grants)),
    policyDocuments,
    invalidPolicies,
  };
}

/** The user and role ARNs that roles' trust policies name in Allow statements for sts:AssumeRole, with the role. */
function* namedPrincipals(roles: Iterable<AnalysisRole>): Generator<[string, AnalysisRole]> {
  for (const role of roles) {
    for (const { parsed, allowsAssumeRole } of role.trustStatements) {
      if (!allowsAssumeRole || parsed.principal === null) continue;
      for (const value of parsed.principal.aws) {
        const name = parsePrincipal(value);
        if (name !== null && (name.kind === 'user' || name.kind === 'role')) yield [name.arn, role];
      }
    }
  }
}

function namedArns(roles: Iterable<AnalysisRole>): Set<string> {
  return new Set([...namedPrincipals(roles)].map(([arn]) => arn));
}

/** Inverts the trust policies' Principal elements that name users and roles (Allow statements for sts:AssumeRole). */
function addTrust(byArn: Map<string, readonly AnalysisRole[]>, owned: Set<string>, roles: Iterable<AnalysisRole>): void {
  for (const [arn, role] of namedPrincipals(roles)) {
    const list = byArn.get(arn);
    if (list !== undefined && list[list.length - 1] === role) continue;
    if (list !== undefined && owned.has(arn)) (list as AnalysisRole[]).push(role);
    else byArn.set(arn, [...(list ?? []), role]);
    owned.add(arn);
  }
}
