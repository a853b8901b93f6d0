import type { MatchedStatement } from '../simulationTypes.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import type { AssumeRoleGraph } from './createAssumeRoleGraph.js';
import type { AssumeRoleHop } from './evaluateAssumeRoleHop.js';
import { findDirectGrants } from './findDirectGrants.js';
import { describePath, PATH_LIMITS, type RolePath } from './findAssumeRolePaths.js';

/** A principal that can perform the action on the resource, directly or through role assumptions. */
export interface AccessGrant {
  principal: AnalysisUser | AnalysisRole;
  /** The role assumptions that lead to a role with access; no hops when the principal has access itself. */
  path: RolePath;
  /** The statements that allow the final action (of the principal, or of the last role of the path). */
  matchedStatements: MatchedStatement[];
}

/** The deepest chain whoCanAccess follows back from a role with access. */
export const WHO_CAN_ACCESS_MAX_DEPTH = PATH_LIMITS.maxDepth;

/**
 * Every stored user and role that can perform `action` on `resourceArn` across all accounts: the principals the
 * engine allows directly, then — by a breadth-first search backwards over sts:AssumeRole hops — every principal
 * that can reach one of those roles, each with its shortest path. Cycle-safe: a principal is visited once.
 * Direct grants come first, then by path length.
 */
export function findWhoCanAccess(
  model: AuthorizationModel,
  graph: AssumeRoleGraph,
  resourceArn: string,
  action: string,
  maxDepth: number = WHO_CAN_ACCESS_MAX_DEPTH,
): AccessGrant[] {
  const direct = findDirectGrants(model, action, resourceArn);
  const grants: AccessGrant[] = direct.map(({ principal, result }) => ({
    principal,
    path: { hops: [], maxSessionSeconds: 0 },
    matchedStatements: result.matchedStatements,
  }));
  // For each principal reached: the hop it takes next and the grant that hop leads to.
  const reached = new Map<string, { hop: AssumeRoleHop | null; grant: AccessGrant }>();
  let frontier: AnalysisRole[] = [];
  for (const grant of grants) {
    reached.set(grant.principal.arn, { hop: null, grant });
    if (grant.principal.kind === 'role') frontier.push(grant.principal);
  }
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: AnalysisRole[] = [];
    for (const role of frontier) {
      for (const hop of graph.inbound(role)) {
        if (reached.has(hop.callerArn)) continue;
        const caller = model.principals.get(hop.callerArn)!;
        const hops = [hop, ...pathHops(reached, role.arn)];
        const grant: AccessGrant = {
          principal: caller,
          path: describePath(hops, model.roles),
          matchedStatements: reached.get(role.arn)!.grant.matchedStatements,
        };
        reached.set(caller.arn, { hop, grant });
        grants.push(grant);
        if (caller.kind === 'role') next.push(caller);
      }
    }
    frontier = next;
  }
  return grants;
}

/** The hops from a reached principal on to the role with access. */
function pathHops(reached: Map<string, { hop: AssumeRoleHop | null }>, arn: string): AssumeRoleHop[] {
  const hops: AssumeRoleHop[] = [];
  for (let entry = reached.get(arn); entry?.hop; entry = reached.get(entry.hop.roleArn)) hops.push(entry.hop);
  return hops;
}
