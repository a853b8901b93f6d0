import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { MatchedStatement } from '../simulationTypes.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import { findIdentityCandidates } from './createGrantIndex.js';
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
 * Inbound hops are memoised per role for the model's lifetime (only the allowed hops are kept). With `carry`, a role of an unchanged account starts from
 * the previous graph's inbound hops: those whose caller is in an unchanged account still hold (a hop depends
 * only on the caller's and the role's accounts and the organizations), and only candidates in changed
 * accounts are decided again — which keeps an incremental index rebuild incremental for paths too.
 */
export function createAssumeRoleGraph(model: AuthorizationModel, carry?: GraphCarryOver): AssumeRoleGraph {
  const carried = carry?.previous.decidedInbound();
  const inboundMemo = new Map<string, AssumeRoleHop[]>();
  // A role's hops repeat the same few statements (its trust statement, its callers' shared policies): one
  // object per distinct matched statement instead of one per hop keeps a large graph's memory down.
  const statements = new Map<string, MatchedStatement>();
  const intern = (hop: AssumeRoleHop): AssumeRoleHop => {
    hop.matchedStatements = hop.matchedStatements.map((statement) => {
      const key = `${statement.sourcePolicyType}\n${statement.sourcePolicyId}\n${statement.statementIndex}\n${statement.startPosition.line}:${statement.startPosition.column}`;
      const known = statements.get(key);
      if (known !== undefined) return known;
      statements.set(key, statement);
      return statement;
    });
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
        // Each (caller, role) pair is decided once: here, when the role's inbound hops are first asked for.
        const target: AccessTarget = describeTarget(model, role.arn, 'sts:AssumeRole');
        if (previous !== undefined) {
          for (const hop of previous) {
            const caller = model.principals.get(hop.callerArn);
            if (caller !== undefined && !changed!.has(caller.accountId)) edges.push(hop);
          }
        }
        for (const caller of trustCandidates(model, role)) {
          if (previous !== undefined && !changed!.has(caller.accountId)) continue;
          const hop = caller === role ? null : evaluateAssumeRoleHop(model, caller, role, target);
          if (hop !== null) edges.push(intern(hop));
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

/**
 * The stored principals a role's trust policy could admit, before the engine decides. A trust open to everyone
 * (`*`, NotPrincipal) admits only callers whose own policies may allow sts:AssumeRole on the role (no ARN names
 * them, so `evaluateAssumeRoleHop` needs their Allow): the grant index finds those without scanning everyone.
 */
function trustCandidates(model: AuthorizationModel, role: AnalysisRole): Iterable<AnalysisUser | AnalysisRole> {
  const found = new Set<AnalysisUser | AnalysisRole>();
  let open = false;
  for (const { parsed, allowsAssumeRole } of role.trustStatements) {
    if (!allowsAssumeRole) continue;
    if (parsed.notPrincipal !== null || parsed.principal === null || parsed.principal.wildcard) {
      open = true;
      continue;
    }
    for (const value of parsed.principal.aws) {
      const name = parsePrincipal(value);
      if (name === null) continue;
      if (name.kind === 'wildcard') open = true;
      if (name.kind === 'root') for (const p of model.principalsByAccount.get(name.account) ?? []) found.add(p);
      else if (name.kind === 'user' || name.kind === 'role') {
        const principal = model.principals.get(name.arn);
        if (principal !== undefined) found.add(principal);
      }
    }
  }
  if (open)
    for (const principal of findIdentityCandidates(model.grants, 'sts:AssumeRole', role.arn)) found.add(principal);
  return found;
}
