import type { Context } from '../../context.js';
import { noSuchEntity, validationError } from '../../graphql/errors.js';
import {
  buildAccessGraph,
  findWhoCanAccess,
  type AccessGraph,
  type AccessGraphScope,
} from '../../iam/analysis/index.js';
import { requireCaller } from '../authorization/authorize.js';
import type { AccessLoaders } from './access.loaders.js';
import { findPaths } from './access.service.js';
import { loadGraphDirectory } from './loadGraphDirectory.js';

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
 * the other analysis queries are (whoCanAccess, assumeRolePaths: no AWS API, so any signed-in caller, across
 * every account of the playground); when those get an IAM action, this one takes the same.
 */
export async function accessGraph(context: Context, input: AccessGraphScopeInput): Promise<AccessGraph> {
  const given = [input.accountId, input.organizationId, input.whoCanAccess, input.assumeRolePaths].filter(
    (value) => value != null,
  );
  if (given.length !== 1)
    throw validationError('give exactly one of accountId, organizationId, whoCanAccess and assumeRolePaths');
  requireCaller(context);
  const { model, graph } = await context.loaders.access.snapshot();
  const scope = await resolveScope(context, model, graph, input);
  const directory = await loadGraphDirectory(
    context.database.prisma,
    scope.kind === 'accounts' ? scope.accountIds : [],
  );
  return buildAccessGraph(model, graph, directory, scope);
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
