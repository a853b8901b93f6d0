import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import { describeTarget, type AccessTarget } from './evaluateAccess.js';
import { evaluateAssumeRoleHop, type AssumeRoleHop } from './evaluateAssumeRoleHop.js';
import { evaluateLaunchHop, trustsLaunchingService } from './evaluateLaunchHop.js';

/** The sts:AssumeRole graph over a model, computed lazily: only the roles a query reaches are decided. */
export interface AssumeRoleGraph {
  /** Every principal that can assume `role` in one call, with the hop's terms. Memoised. */
  inbound(role: AnalysisRole): AssumeRoleHop[];
  /** The inbound hops decided so far, by role ARN (what a successor graph may carry over). */
  decidedInbound(): ReadonlyMap<string, readonly AssumeRoleHop[]>;
}

/** A previous graph whose decisions stay valid except for the accounts that changed since. */
export interface GraphCarryOver {
  previous: AssumeRoleGraph;
  /** Accounts whose principals or resources changed; the organizations (SCPs, OUs) must be unchanged. */
  changedAccounts: ReadonlySet<string>;
}

/**
 * Creates the lazy assume-role graph of a model. Candidates come from the trust policies: the principals
 * they name, the accounts they name (every user and role of the account: the caller's own policies must then
 * allow), or everyone for `*` and NotPrincipal; the engine then decides each candidate hop on both sides.
 * Hop results are memoised for the model's lifetime. With `carry`, a role of an unchanged account starts from
 * the previous graph's inbound hops: those whose caller is in an unchanged account still hold (a hop depends
 * only on the caller's and the role's accounts and the organizations), and only candidates in changed
 * accounts are decided again — which keeps an incremental index rebuild incremental for paths too.
 */
export function createAssumeRoleGraph(model: AuthorizationModel, carry?: GraphCarryOver): AssumeRoleGraph {
  const carried = carry?.previous.decidedInbound();
  const hops = new Map<AnalysisRole, Map<AnalysisUser | AnalysisRole, AssumeRoleHop | null>>();
  const inboundMemo = new Map<string, AssumeRoleHop[]>();
  const targets = new Map<AnalysisRole, AccessTarget>();
  const decide = (caller: AnalysisUser | AnalysisRole, role: AnalysisRole): AssumeRoleHop | null => {
    let decided = hops.get(role);
    if (decided === undefined) hops.set(role, (decided = new Map()));
    let hop = decided.get(caller);
    if (hop === undefined) {
      let target = targets.get(role);
      if (target === undefined) targets.set(role, (target = describeTarget(model, role.arn, 'sts:AssumeRole')));
      hop = caller === role ? null : evaluateAssumeRoleHop(model, caller, role, target);
      decided.set(caller, hop);
    }
    return hop;
  };
  return {
    decidedInbound: () => inboundMemo,
    inbound(role) {
      let edges = inboundMemo.get(role.arn);
      if (edges === undefined) {
        const changed = carry?.changedAccounts;
        const previous = changed !== undefined && !changed.has(role.accountId) ? carried?.get(role.arn) : undefined;
        edges = [];
        if (previous !== undefined) {
          for (const hop of previous) {
            const caller = model.principals.get(hop.callerArn);
            if (caller !== undefined && !changed!.has(caller.accountId)) edges.push(hop);
          }
        }
        for (const caller of trustCandidates(model, role)) {
          if (previous !== undefined && !changed!.has(caller.accountId)) continue;
          const hop = decide(caller, role);
          if (hop !== null) edges.push(hop);
        }
        // PassRole + launch: principals of the role's account that may hand it to a service it trusts.
        if (previous === undefined && trustsLaunchingService(role)) {
          const direct = new Set(edges.map((hop) => hop.callerArn));
          for (const caller of model.principalsByAccount.get(role.accountId) ?? []) {
            if (direct.has(caller.arn)) continue;
            const hop = evaluateLaunchHop(model, caller, role);
            if (hop !== null) edges.push(hop);
          }
        }
        inboundMemo.set(role.arn, edges);
      }
      return edges;
    },
  };
}

/** The stored principals a role's trust policy could admit, before the engine decides. */
function trustCandidates(model: AuthorizationModel, role: AnalysisRole): Iterable<AnalysisUser | AnalysisRole> {
  const found = new Set<AnalysisUser | AnalysisRole>();
  for (const { parsed, allowsAssumeRole } of role.trustStatements) {
    if (!allowsAssumeRole) continue;
    if (parsed.notPrincipal !== null || parsed.principal === null || parsed.principal.wildcard) return model.principals.values();
    for (const value of parsed.principal.aws) {
      const name = parsePrincipal(value);
      if (name === null) continue;
      if (name.kind === 'wildcard') return model.principals.values();
      if (name.kind === 'root') for (const p of model.principalsByAccount.get(name.account) ?? []) found.add(p);
      else if (name.kind === 'user' || name.kind === 'role') {
        const principal = model.principals.get(name.arn);
        if (principal !== undefined) found.add(principal);
      }
    }
  }
  return found;
}
