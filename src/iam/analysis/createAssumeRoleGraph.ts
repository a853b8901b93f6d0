import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { MatchedStatement } from '../simulationTypes.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import { findIdentityCandidates } from './createGrantIndex.js';
import { describeTarget, type AccessTarget } from './evaluateAccess.js';
import { evaluateAssumeRoleHop, type AssumeRoleHop, type HopRequirements } from './evaluateAssumeRoleHop.js';
import { evaluateLaunchHop, trustsLaunchingService } from './evaluateLaunchHop.js';

/** The sts:AssumeRole graph over a model, computed lazily: only the roles a query reaches are decided. */
export interface AssumeRoleGraph {
  /** Every principal that can assume `role` in one call, with the hop's terms. Memoised (packed; new objects each call). */
  inbound(role: AnalysisRole): AssumeRoleHop[];
  /** The inbound hops decided so far, by role ARN (what a successor graph may carry over). */
  decidedInbound(): ReadonlyMap<string, PackedHops>;
}

/**
 * A role's inbound hops packed into one flat array, so a large graph holds no object per hop: per hop its caller's
 * ARN, its requirements, its matched statements' count `n` (as `-n - 1` when the hop launches a workload, followed
 * by the service), then the `n` statements. Requirements and statements are shared objects.
 */
export type PackedHops = readonly (string | number | HopRequirements | MatchedStatement)[];

/** A previous graph whose decisions stay valid except for the accounts that changed since. */
export interface GraphCarryOver {
  previous: AssumeRoleGraph;
  /** Accounts whose principals or resources changed; the organizations (SCPs, OUs) must be unchanged. */
  changedAccounts: ReadonlySet<string>;
}

/** Appends `hop` to `packed` (see {@link PackedHops}). */
function packHop(packed: PackedHops[number][], hop: AssumeRoleHop): void {
  const n = hop.matchedStatements.length;
  packed.push(hop.callerArn, hop.requirements);
  if (hop.launchedThrough === undefined) packed.push(n);
  else packed.push(-n - 1, hop.launchedThrough);
  packed.push(...hop.matchedStatements);
}

/** The end of the packed hop that starts at `start`. */
function packedHopEnd(packed: PackedHops, start: number): number {
  const coded = packed[start + 2] as number;
  return coded < 0 ? start + 4 - coded - 1 : start + 3 + coded;
}

/** The hops of a packed list, each a new object (callers may keep or extend them). */
function unpackHops(roleArn: string, packed: PackedHops): AssumeRoleHop[] {
  const hops: AssumeRoleHop[] = [];
  for (let i = 0; i < packed.length;) {
    const callerArn = packed[i++] as string;
    const requirements = packed[i++] as HopRequirements;
    const coded = packed[i++] as number;
    const launchedThrough = coded < 0 ? (packed[i++] as string) : undefined;
    const n = coded < 0 ? -coded - 1 : coded;
    const matchedStatements = packed.slice(i, i + n) as MatchedStatement[];
    i += n;
    hops.push({
      callerArn,
      roleArn,
      requirements,
      matchedStatements,
      ...(launchedThrough === undefined ? {} : { launchedThrough }),
    });
  }
  return hops;
}

/**
 * Creates the lazy assume-role graph of a model. Candidates come from the trust policies: the principals
 * they name, the accounts they name (every user and role of the account: the caller's own policies must then
 * allow), or everyone for `*` and NotPrincipal; the engine then decides each candidate hop on both sides.
 * Inbound hops are memoised per role for the model's lifetime, packed (only the allowed hops are kept). With `carry`, a role of an unchanged account starts from
 * the previous graph's inbound hops: those whose caller is in an unchanged account still hold (a hop depends
 * only on the caller's and the role's accounts and the organizations), and only candidates in changed
 * accounts are decided again — which keeps an incremental index rebuild incremental for paths too.
 */
export function createAssumeRoleGraph(model: AuthorizationModel, carry?: GraphCarryOver): AssumeRoleGraph {
  const carried = carry?.previous.decidedInbound();
  const inboundMemo = new Map<string, PackedHops>();
  // A role's hops repeat the same few statements (its trust statement, its callers' shared policies): one
  // object per distinct matched statement instead of one per hop keeps a large graph's memory down. Found by
  // policy type, then id, then index — no key text per statement.
  const statements = new Map<string, Map<string, MatchedStatement[]>>();
  const intern = (statement: MatchedStatement): MatchedStatement => {
    let byId = statements.get(statement.sourcePolicyType);
    if (byId === undefined) statements.set(statement.sourcePolicyType, (byId = new Map()));
    let byIndex = byId.get(statement.sourcePolicyId);
    if (byIndex === undefined) byId.set(statement.sourcePolicyId, (byIndex = []));
    const known = byIndex[statement.statementIndex];
    if (
      known !== undefined &&
      known.startPosition.line === statement.startPosition.line &&
      known.startPosition.column === statement.startPosition.column
    )
      return known;
    byIndex[statement.statementIndex] ??= statement;
    return statement;
  };
  // Hops on terms (an ExternalId, MFA) repeat the same few requirements: one object each.
  const requirements = new Map<string, HopRequirements>();
  const internRequirements = (wanted: HopRequirements): HopRequirements => {
    const key = JSON.stringify(wanted);
    const known = requirements.get(key);
    if (known !== undefined) return known;
    requirements.set(key, wanted);
    return wanted;
  };
  return {
    decidedInbound: () => inboundMemo,
    inbound(role) {
      let packed = inboundMemo.get(role.arn);
      if (packed === undefined) {
        const changed = carry?.changedAccounts;
        const previous = changed !== undefined && !changed.has(role.accountId) ? carried?.get(role.arn) : undefined;
        const edges: PackedHops[number][] = [];
        const callers = new Set<string>();
        const add = (hop: AssumeRoleHop) => {
          callers.add(hop.callerArn);
          packHop(edges, {
            ...hop,
            requirements: internRequirements(hop.requirements),
            matchedStatements: hop.matchedStatements.map(intern),
          });
        };
        // Each (caller, role) pair is decided once: here, when the role's inbound hops are first asked for.
        const target: AccessTarget = describeTarget(model, role.arn, 'sts:AssumeRole');
        if (previous !== undefined) {
          // Kept hops are copied as they are packed (their terms and statements are shared objects already).
          for (let start = 0; start < previous.length;) {
            const end = packedHopEnd(previous, start);
            const caller = model.principals.get(previous[start] as string);
            if (caller !== undefined && !changed!.has(caller.accountId)) {
              for (let i = start; i < end; i++) edges.push(previous[i]!);
            }
            start = end;
          }
        }
        for (const caller of trustCandidates(model, role)) {
          if (previous !== undefined && !changed!.has(caller.accountId)) continue;
          const hop = caller === role ? null : evaluateAssumeRoleHop(model, caller, role, target);
          if (hop !== null) add(hop);
        }
        // PassRole + launch: principals of the role's account that may hand it to a service it trusts.
        if (previous === undefined && trustsLaunchingService(role)) {
          for (const caller of model.principalsByAccount.get(role.accountId) ?? []) {
            if (callers.has(caller.arn)) continue;
            const hop = evaluateLaunchHop(model, caller, role);
            if (hop !== null) add(hop);
          }
        }
        // A copy holds exactly its elements (a pushed-to array keeps room to grow).
        packed = edges.slice();
        inboundMemo.set(role.arn, packed);
      }
      return unpackHops(role.arn, packed);
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
