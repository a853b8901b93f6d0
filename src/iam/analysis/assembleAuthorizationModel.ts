import { parsePrincipal } from '../arn/parsePrincipal.js';
import type {
  AnalysisAccount,
  AnalysisResource,
  AnalysisRole,
  AnalysisUser,
  AuthorizationModel,
} from './AuthorizationModel.js';
import type { AccountSlice } from './compileAccountSlice.js';
import { EMPTY_GRANT_INDEX, patchGrantIndex } from './createGrantIndex.js';
import { LayeredMap } from './LayeredMap.js';

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
    slices: LayeredMap.of(),
    principals: LayeredMap.of(),
    principalsByAccount: LayeredMap.of(),
    roles: LayeredMap.of(),
    resources: LayeredMap.of(),
    trust: { byArn: LayeredMap.of() },
    grants: EMPTY_GRANT_INDEX,
    policyDocuments: LayeredMap.of(),
    invalidPolicies: [],
  };
  return patchAuthorizationModel(empty, accounts, slices, [], invalidOrganizationPolicies);
}

/** Reads a layered map of a model (models are only ever assembled here, with layered maps). */
function layered<K, V>(map: ReadonlyMap<K, V>): LayeredMap<K, V> {
  return map instanceof LayeredMap ? map : LayeredMap.of(map);
}

/**
 * A new model in which the slices of `replaced` accounts (and `removed` ones) take the place of the previous
 * model's, everything else shared: the lookup maps are layered (`LayeredMap`), so the work is the changed
 * accounts' entries, not the organization's — a write to one account of a large organization is reflected in
 * milliseconds. The previous model is left as it was, for readers still holding it.
 */
export function patchAuthorizationModel(
  previous: AuthorizationModel,
  accounts: ReadonlyMap<string, AnalysisAccount>,
  replaced: Iterable<AccountSlice>,
  removed: Iterable<string>,
  invalidOrganizationPolicies: readonly string[] = [],
): AuthorizationModel {
  type Principal = AnalysisUser | AnalysisRole;
  const slices = new Map<string, AccountSlice | undefined>();
  const principals = new Map<string, Principal | undefined>();
  const principalsByAccount = new Map<string, readonly Principal[] | undefined>();
  const roles = new Map<string, AnalysisRole | undefined>();
  const resources = new Map<string, AnalysisResource | undefined>();
  const policyDocuments = new Map<string, string | undefined>();
  const trust = new Map<string, AnalysisRole[] | undefined>();
  const trustList = (arn: string): readonly AnalysisRole[] =>
    trust.has(arn) ? (trust.get(arn) ?? []) : (previous.trust.byArn.get(arn) ?? []);
  const oldSlices: AccountSlice[] = [];
  const newSlices = [...replaced];
  for (const accountId of new Set([...removed, ...newSlices.map((slice) => slice.accountId)])) {
    const old = previous.slices.get(accountId);
    if (old === undefined) continue;
    oldSlices.push(old);
    slices.set(accountId, undefined);
    principalsByAccount.set(accountId, undefined);
    for (const principal of [...old.users, ...old.roles])
      if (previous.principals.get(principal.arn) === principal) principals.set(principal.arn, undefined);
    for (const role of old.roles) if (previous.roles.get(role.arn) === role) roles.set(role.arn, undefined);
    for (const resource of old.resources)
      if (previous.resources.get(resource.arn) === resource) resources.set(resource.arn, undefined);
    for (const [id, text] of old.policyDocuments)
      if (previous.policyDocuments.get(id) === text) policyDocuments.set(id, undefined);
    const gone = new Set<AnalysisRole>(old.roles);
    for (const [arn] of namedPrincipals(old.roles)) {
      const kept = trustList(arn).filter((role) => !gone.has(role));
      trust.set(arn, kept.length === 0 ? undefined : kept);
    }
  }
  for (const slice of newSlices) {
    const members: Principal[] = [...slice.users, ...slice.roles];
    slices.set(slice.accountId, slice);
    for (const principal of members) principals.set(principal.arn, principal);
    for (const role of slice.roles) roles.set(role.arn, role);
    for (const resource of slice.resources) resources.set(resource.arn, resource);
    principalsByAccount.set(slice.accountId, members);
    for (const [id, text] of slice.policyDocuments) policyDocuments.set(id, text);
    for (const [arn, role] of namedPrincipals(slice.roles)) {
      const list = trust.get(arn);
      if (list !== undefined && list[list.length - 1] === role) continue;
      if (list !== undefined) list.push(role);
      else trust.set(arn, [...trustList(arn), role]);
    }
  }
  const nextSlices = layered(previous.slices).with(slices);
  const invalidPolicies = [...invalidOrganizationPolicies];
  for (const slice of nextSlices.values())
    if (slice.invalidPolicies.length > 0) invalidPolicies.push(...slice.invalidPolicies);
  return {
    accounts,
    slices: nextSlices,
    principals: layered(previous.principals).with(principals),
    principalsByAccount: layered(previous.principalsByAccount).with(principalsByAccount),
    roles: layered(previous.roles).with(roles),
    resources: layered(previous.resources).with(resources),
    trust: { byArn: layered(previous.trust.byArn).with(trust) },
    grants: patchGrantIndex(
      previous.grants,
      oldSlices.map((slice) => slice.grants),
      newSlices.map((slice) => slice.grants),
    ),
    policyDocuments: layered(previous.policyDocuments).with(policyDocuments),
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
