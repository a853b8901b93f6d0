import type { Context } from '../../context.js';
import { noSuchEntity, validationError } from '../../graphql/errors.js';
import {
  buildAccessGraph,
  findWhoCanAccess,
  type AccessGraph,
  type AccessGraphScope,
} from '../../iam/analysis/index.js';
import { requireCaller } from '../authorization/authorize.js';
import { keepReadable, mayReadPrincipal } from '../authorization/mayReadPrincipal.js';
import type { AccessLoaders } from './access.loaders.js';
import { findPaths, principalsOf, rolesOf } from './access.service.js';
import { loadGraphDirectory } from './loadGraphDirectory.js';
import { pruneAccessGraph } from './pruneAccessGraph.js';

/** The scope of `Query.accessGraph`: exactly one of its fields. */
export interface AccessGraphScopeInput {
  accountId?: string | null;
  organizationId?: string | null;
  whoCanAccess?: { resourceArn: string; action: string } | null;
  assumeRolePaths?: { fromArn: string; toRoleArn: string; maxDepth?: number | null } | null;
}

/**
 * The access graph of an account, an organization, a whoCanAccess answer or an assumeRolePaths answer, from
 * the authorization index (every edge the engine's decision or a statement of a stored policy). Guarded as
 * the other analysis queries are (see readRules), and answered like them: a who-can or paths answer keeps only
 * the grants and paths whose principals the caller may read, and any drawing leaves out the users, roles and
 * groups the caller may not read (see mayReadPrincipal), with their edges and the policies seen only through them.
 */
export async function accessGraph(context: Context, input: AccessGraphScopeInput): Promise<AccessGraph> {
  const given = [input.accountId, input.organizationId, input.whoCanAccess, input.assumeRolePaths].filter(
    (value) => value != null,
  );
  if (given.length !== 1)
    throw validationError('give exactly one of accountId, organizationId, whoCanAccess and assumeRolePaths');
  requireCaller(context);
  const { model, graph } = await context.loaders.access.snapshot();
  const scope = await keepReadableAnswer(context, await resolveScope(context, model, graph, input));
  const directory = await loadGraphDirectory(
    context.database.prisma,
    scope.kind === 'accounts' ? scope.accountIds : [],
  );
  return pruneUnreadable(context, buildAccessGraph(model, graph, directory, scope));
}

/** An answer scope as whoCanAccess and assumeRolePaths answer it to this caller: a grant or path whole, or not at all. */
async function keepReadableAnswer(context: Context, scope: AccessGraphScope): Promise<AccessGraphScope> {
  if (scope.kind === 'whoCanAccess')
    return { ...scope, grants: await keepReadable(context, scope.grants, principalsOf) };
  if (scope.kind === 'assumeRolePaths') return { ...scope, paths: await keepReadable(context, scope.paths, rolesOf) };
  return scope;
}

/** The graph without the users, roles and groups the caller may not read; all decided together so their loads batch. */
async function pruneUnreadable(context: Context, drawn: AccessGraph): Promise<AccessGraph> {
  const principals = drawn.nodes.filter(
    (node): node is typeof node & { type: 'user' | 'role' | 'group'; accountId: string } =>
      (node.type === 'user' || node.type === 'role' || node.type === 'group') && node.accountId !== null,
  );
  const readable = await Promise.all(
    principals.map((node) => mayReadPrincipal(context, { kind: node.type, arn: node.id, accountId: node.accountId })),
  );
  return pruneAccessGraph(drawn, new Set(principals.filter((_node, i) => !readable[i]).map((node) => node.id)));
}

type Snapshot = Awaited<ReturnType<AccessLoaders['snapshot']>>;

async function resolveScope(
  context: Context,
  model: Snapshot['model'],
  graph: Snapshot['graph'],
  input: AccessGraphScopeInput,
): Promise<AccessGraphScope> {
  if (input.accountId != null) {
    if (!model.accounts.has(input.accountId)) throw noSuchEntity(`The account ${input.accountId} cannot be found.`);
    return { kind: 'accounts', accountIds: [input.accountId] };
  }
  if (input.organizationId != null) {
    const accountIds = [...model.accounts.values()]
      .filter((account) => account.orgId === input.organizationId)
      .map((account) => account.id);
    if (accountIds.length === 0) throw noSuchEntity(`The organization ${input.organizationId} cannot be found.`);
    return { kind: 'accounts', accountIds: accountIds.sort() };
  }
  if (input.whoCanAccess != null) {
    const { resourceArn, action } = input.whoCanAccess;
    return { kind: 'whoCanAccess', resourceArn, action, grants: findWhoCanAccess(model, graph, resourceArn, action) };
  }
  const { fromArn, toRoleArn, maxDepth } = input.assumeRolePaths!;
  return { kind: 'assumeRolePaths', paths: await findPaths(context, { model, graph }, fromArn, toRoleArn, maxDepth) };
}
