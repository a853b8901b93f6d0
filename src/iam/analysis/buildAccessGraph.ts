import type { AccessGraph, AccessGraphDirectory } from './AccessGraph.js';
import type { AuthorizationModel } from './AuthorizationModel.js';
import { addAccountContents } from './addAccountContents.js';
import type { AssumeRoleGraph } from './createAssumeRoleGraph.js';
import { createAccessGraphBuilder } from './createAccessGraphBuilder.js';
import type { RolePath } from './findAssumeRolePaths.js';
import type { AccessGrant } from './findWhoCanAccess.js';

/** Which part of the model to draw. */
export type AccessGraphScope =
  /** Everything the accounts hold (one account, or every account of an organization). */
  | { kind: 'accounts'; accountIds: readonly string[] }
  /** A whoCanAccess answer: each principal, the roles it goes through, and its access to the resource. */
  | { kind: 'whoCanAccess'; resourceArn: string; action: string; grants: readonly AccessGrant[] }
  /** An assumeRolePaths answer: the hops of each path. */
  | { kind: 'assumeRolePaths'; paths: readonly RolePath[] };

/**
 * Draws a scope of the model as nodes and typed edges. An account scope shows its whole contents (see
 * addAccountContents); an answer scope shows just the answer, highlighted — the principals, every hop with
 * its conditions, and (for who-can) the final access with the statements that allow it. Either way every
 * node sits in its account, OU and organization, and the policies behind the edges come along.
 */
export function buildAccessGraph(
  model: AuthorizationModel,
  graph: AssumeRoleGraph,
  directory: AccessGraphDirectory,
  scope: AccessGraphScope,
): AccessGraph {
  const builder = createAccessGraphBuilder(model, directory);
  switch (scope.kind) {
    case 'accounts':
      for (const accountId of scope.accountIds) addAccountContents(builder, graph, accountId);
      break;
    case 'whoCanAccess': {
      const resource = builder.addResource(scope.resourceArn, true);
      for (const grant of scope.grants) {
        builder.addPrincipal(grant.principal.arn, true);
        for (const hop of grant.path.hops) builder.addHop(hop, true);
        const last = grant.path.hops.at(-1)?.roleArn ?? grant.principal.arn;
        builder.addEdge({
          type: 'canAccess',
          source: last,
          target: resource,
          label: scope.action,
          conditions: [],
          matchedStatements: grant.matchedStatements,
          highlighted: true,
        });
      }
      break;
    }
    case 'assumeRolePaths':
      for (const path of scope.paths) for (const hop of path.hops) builder.addHop(hop, true);
      break;
  }
  return builder.build();
}
