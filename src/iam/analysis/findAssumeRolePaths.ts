import type { AnalysisRole, AnalysisUser } from './AuthorizationModel.js';
import type { AssumeRoleGraph } from './createAssumeRoleGraph.js';
import type { AssumeRoleHop } from './evaluateAssumeRoleHop.js';

/** One hop of a path, with what chaining does to it. */
export interface PathHop extends AssumeRoleHop {
  /** True from the second hop on: the caller is a role session, so this is role chaining. */
  chained: boolean;
  /** The longest session this hop can give: the role's maximum, or one hour when chained. */
  maxSessionSeconds: number;
}

/** A chain of sts:AssumeRole calls from a principal to a role. */
export interface RolePath {
  hops: PathHop[];
  /** The session the final hop can give, in seconds (3600 when the path chains). */
  maxSessionSeconds: number;
}

/** The default and the largest maxDepth, and the most paths one query returns. */
export const PATH_LIMITS = { defaultDepth: 3, maxDepth: 6, maxPaths: 100 } as const;

/** The one-hour cap AWS puts on sessions made by role chaining. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/**
 * Every simple chain of at most `maxDepth` sts:AssumeRole calls from `from` to `target`, shortest first.
 * A backward breadth-first search from the target (decided hop by hop through `graph.inbound`) gives each
 * principal its distance to the target; the forward depth-first enumeration then follows only hops that can
 * still arrive within the depth, never revisits a principal on the current path (cycle-safe), and stops at
 * {@link PATH_LIMITS}.maxPaths.
 */
export function findAssumeRolePaths(
  graph: AssumeRoleGraph,
  roles: ReadonlyMap<string, AnalysisRole>,
  from: AnalysisUser | AnalysisRole,
  target: AnalysisRole,
  maxDepth: number = PATH_LIMITS.defaultDepth,
): RolePath[] {
  const depth = Math.max(0, Math.min(maxDepth, PATH_LIMITS.maxDepth));
  const distance = new Map<string, number>([[target.arn, 0]]);
  const forward = new Map<string, AssumeRoleHop[]>();
  let frontier: AnalysisRole[] = [target];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: AnalysisRole[] = [];
    for (const role of frontier) {
      for (const hop of graph.inbound(role)) {
        const edges = forward.get(hop.callerArn);
        if (edges === undefined) forward.set(hop.callerArn, [hop]);
        else edges.push(hop);
        if (distance.has(hop.callerArn)) continue;
        distance.set(hop.callerArn, d + 1);
        const callerRole = roles.get(hop.callerArn);
        if (callerRole !== undefined) next.push(callerRole);
      }
    }
    frontier = next;
  }
  if (from.arn === target.arn || (distance.get(from.arn) ?? Infinity) > depth) return [];

  const paths: RolePath[] = [];
  const onPath = new Set<string>([from.arn]);
  const walk = (arn: string, hops: AssumeRoleHop[]) => {
    if (paths.length >= PATH_LIMITS.maxPaths) return;
    for (const hop of forward.get(arn) ?? []) {
      if (onPath.has(hop.roleArn) || hops.length + 1 + (distance.get(hop.roleArn) ?? Infinity) > depth) continue;
      const next = [...hops, hop];
      if (hop.roleArn === target.arn) {
        paths.push(describePath(next, roles));
        continue;
      }
      onPath.add(hop.roleArn);
      walk(hop.roleArn, next);
      onPath.delete(hop.roleArn);
    }
  };
  walk(from.arn, []);
  return paths.sort((a, b) => a.hops.length - b.hops.length);
}

/** Adds the chaining facts to a sequence of hops. */
export function describePath(hops: readonly AssumeRoleHop[], roles: ReadonlyMap<string, AnalysisRole>): RolePath {
  const described = hops.map((hop, i): PathHop => {
    const roleMax = roles.get(hop.roleArn)?.maxSessionDuration ?? ROLE_CHAINING_MAX_SECONDS;
    // A workload's service session is not role chaining, even when the launcher was a role session.
    const chained = i > 0 && hop.launchedThrough === undefined;
    return { ...hop, chained, maxSessionSeconds: chained ? Math.min(roleMax, ROLE_CHAINING_MAX_SECONDS) : roleMax };
  });
  return { hops: described, maxSessionSeconds: described.at(-1)?.maxSessionSeconds ?? 0 };
}
