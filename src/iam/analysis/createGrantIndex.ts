import type { PolicyStatement } from '../policy/Policy.js';
import type { AnalysisRole, AnalysisUser } from './AuthorizationModel.js';
import { LayeredMap } from './LayeredMap.js';

/** The principals of one account that carry one identity policy content. */
export type Holders = readonly (AnalysisUser | AnalysisRole)[];

/**
 * One account's part of the grant index: for each key (`service` + `\n` + resource prefix) the holder lists of
 * the policy contents with an Allow statement under that key. Built with the account's slice, replaced with it.
 */
export interface SliceGrants {
  accountId: string;
  byKey: ReadonlyMap<string, readonly Holders[]>;
}

/**
 * The inverted index from (action's service, resource prefix) to the principals whose identity policies may
 * allow it, across accounts: key → account → holder lists. Immutable: a patch copies the key map and the
 * per-key account maps it touches, so a snapshot being read is never changed under its reader.
 */
export interface GrantIndex {
  byKey: ReadonlyMap<string, ReadonlyMap<string, readonly Holders[]>>;
}

/** The index of no account. */
export const EMPTY_GRANT_INDEX: GrantIndex = { byKey: LayeredMap.of() };

/** The service part an action pattern is filed under: `*` when the pattern's service itself is a wildcard. */
function serviceKey(pattern: string): string {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? pattern : pattern.slice(0, colon);
  return colon < 0 || /[*?]/.test(service) ? '*' : service.toLowerCase();
}

/** The literal beginning of a resource pattern, before its first wildcard or policy variable, lower-cased. */
function resourcePrefix(pattern: string): string {
  const cut = pattern.search(/[*?$]/);
  return (cut < 0 ? pattern : pattern.slice(0, cut)).toLowerCase();
}

/**
 * The keys of a policy's Allow statements: every (service, resource prefix) pair of their Action and Resource
 * elements. NotAction files under service `*`, NotResource (or no Resource) under the empty prefix, so every
 * statement that could allow an (action, resource) is found under one of that question's keys.
 */
export function grantKeysOf(statements: readonly PolicyStatement[]): string[] {
  const keys = new Set<string>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    const services = statement.action === null ? ['*'] : statement.action.map(serviceKey);
    const prefixes = statement.resource === null ? [''] : statement.resource.map(resourcePrefix);
    for (const service of services) for (const prefix of prefixes) keys.add(`${service}\n${prefix}`);
  }
  return [...keys];
}

/**
 * Indexes one account: principals grouped by policy content (a managed policy attached to many principals is one
 * holder list, filed once per key), each content filed under its grant keys (`keysOf` reads them by content hash).
 */
export function indexSliceGrants(
  accountId: string,
  principals: Iterable<AnalysisUser | AnalysisRole>,
  keysOf: (hash: string, sourcePolicyId: string) => readonly string[],
): SliceGrants {
  const holders = new Map<string, { sourcePolicyId: string; list: (AnalysisUser | AnalysisRole)[] }>();
  for (const principal of principals) {
    for (const policy of principal.identityPolicies) {
      const entry = holders.get(policy.hash);
      if (entry === undefined) holders.set(policy.hash, { sourcePolicyId: policy.sourcePolicyId, list: [principal] });
      else if (entry.list[entry.list.length - 1] !== principal) entry.list.push(principal);
    }
  }
  const byKey = new Map<string, Holders[]>();
  for (const [hash, { sourcePolicyId, list }] of holders) {
    for (const key of keysOf(hash, sourcePolicyId)) {
      const lists = byKey.get(key);
      if (lists === undefined) byKey.set(key, [list]);
      else lists.push(list);
    }
  }
  return { accountId, byKey };
}

/** Replaces some accounts' parts of the index: `removed` parts go, `added` parts come in (a new index; the old one is unchanged). */
export function patchGrantIndex(
  index: GrantIndex,
  removed: Iterable<SliceGrants>,
  added: Iterable<SliceGrants>,
): GrantIndex {
  // The per-key account maps this patch touches, copied once each; the key map itself is layered.
  const changed = new Map<string, Map<string, readonly Holders[]>>();
  const accountsOf = (key: string): Map<string, readonly Holders[]> => {
    let accounts = changed.get(key);
    if (accounts === undefined) changed.set(key, (accounts = new Map(index.byKey.get(key) ?? [])));
    return accounts;
  };
  for (const part of removed) for (const key of part.byKey.keys()) accountsOf(key).delete(part.accountId);
  for (const part of added) for (const [key, lists] of part.byKey) accountsOf(key).set(part.accountId, lists);
  const changes = new Map<string, ReadonlyMap<string, readonly Holders[]> | undefined>();
  for (const [key, accounts] of changed) changes.set(key, accounts.size === 0 ? undefined : accounts);
  const byKey = index.byKey instanceof LayeredMap ? index.byKey : LayeredMap.of(index.byKey);
  return { byKey: byKey.with(changes) };
}

/**
 * Every principal that holds an Allow statement that could cover `action` on `resourceArn` (conditions and exact
 * matching are the engine's to decide): the holders filed under the action's service or `*`, with any prefix of
 * the resource ARN. Costs one lookup per prefix of the ARN, plus the holders found — never the organization.
 */
export function findIdentityCandidates(
  index: GrantIndex,
  action: string,
  resourceArn: string,
): Set<AnalysisUser | AnalysisRole> {
  const found = new Set<AnalysisUser | AnalysisRole>();
  const arn = resourceArn.toLowerCase();
  const service = serviceKey(action);
  for (const filed of service === '*' ? ['*'] : [service, '*']) {
    for (let length = 0; length <= arn.length; length++) {
      const accounts = index.byKey.get(`${filed}\n${arn.slice(0, length)}`);
      if (accounts === undefined) continue;
      for (const lists of accounts.values())
        for (const list of lists) for (const principal of list) found.add(principal);
    }
  }
  return found;
}
