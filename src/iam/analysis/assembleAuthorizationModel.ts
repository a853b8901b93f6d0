import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { AnalysisAccount, AnalysisRole, AnalysisUser, AuthorizationModel, TrustIndex } from './AuthorizationModel.js';
import type { AccountSlice } from './compileAccountSlice.js';

/**
 * Joins the accounts and the per-account slices into one model with its lookup maps and the inverted trust
 * index (the users and roles each trust policy names → the roles). Linear in the model's size, so an incremental rebuild that
 * swaps one slice re-assembles in milliseconds.
 */
export function assembleAuthorizationModel(
  accounts: Map<string, AnalysisAccount>,
  slices: Iterable<AccountSlice>,
  invalidOrganizationPolicies: readonly string[] = [],
): AuthorizationModel {
  const principals = new Map<string, AnalysisUser | AnalysisRole>();
  const principalsByAccount = new Map<string, (AnalysisUser | AnalysisRole)[]>();
  const roles = new Map<string, AnalysisRole>();
  const resources: AuthorizationModel['resources'] = new Map();
  const invalidPolicies = [...invalidOrganizationPolicies];
  const policyDocuments = new Map<string, string>();
  for (const slice of slices) {
    const members: (AnalysisUser | AnalysisRole)[] = [...slice.users, ...slice.roles];
    for (const principal of members) principals.set(principal.arn, principal);
    for (const role of slice.roles) roles.set(role.arn, role);
    for (const resource of slice.resources) resources.set(resource.arn, resource);
    principalsByAccount.set(slice.accountId, members);
    invalidPolicies.push(...slice.invalidPolicies);
    for (const [id, text] of slice.policyDocuments) policyDocuments.set(id, text);
  }
  return { accounts, principals, principalsByAccount, roles, resources, trust: buildTrustIndex(roles.values()), policyDocuments, invalidPolicies };
}

/** Inverts the trust policies' Principal elements that name users and roles (Allow statements for sts:AssumeRole). */
function buildTrustIndex(roles: Iterable<AnalysisRole>): TrustIndex {
  const byArn = new Map<string, AnalysisRole[]>();
  for (const role of roles) {
    for (const { parsed, allowsAssumeRole } of role.trustStatements) {
      if (!allowsAssumeRole || parsed.principal === null) continue;
      for (const value of parsed.principal.aws) {
        const name = parsePrincipal(value);
        if (name === null || (name.kind !== 'user' && name.kind !== 'role')) continue;
        const list = byArn.get(name.arn);
        if (list === undefined) byArn.set(name.arn, [role]);
        else if (list[list.length - 1] !== role) list.push(role);
      }
    }
  }
  return { byArn };
}
