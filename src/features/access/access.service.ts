import type { Context } from '../../context.js';
import { noSuchEntity, validationError } from '../../graphql/errors.js';
import {
  createContextFromEntries,
  evaluateRequest,
  parseArn,
  type ContextEntry,
  type EvaluationResult,
} from '../../iam/index.js';
import {
  computeEffectivePermissions,
  findAssumeRolePaths,
  findDirectGrants,
  findExternalAccess,
  findFederatedRolePaths,
  findWhoCanAccess,
  PATH_LIMITS,
  type AccessGrant,
  type EffectivePermission,
  type ExternalAccessFinding,
  type RolePath,
} from '../../iam/analysis/index.js';
import { assembleRequest } from '../authorization/assembleRequest.js';
import type { IndexSnapshot } from './createAuthorizationIndex.js';
import { describeStoredTarget } from '../authorization/describeStoredTarget.js';
import { keepReadable, type NamedPrincipal } from '../authorization/mayReadPrincipal.js';
import { loadAccessSubject, type AccessPrincipalRef } from './loadAccessSubject.js';
import { resolveAccessPrincipal } from './resolveAccessPrincipal.js';

export type { AccessPrincipalRef } from './loadAccessSubject.js';

/** Reads caller-supplied context entries, or fails with ValidationError like the simulator. */
function readContext(entries: readonly ContextEntry[] | null | undefined) {
  if (!entries || entries.length === 0) return null;
  const result = createContextFromEntries(entries);
  if (!result.ok) throw validationError(result.errors.map((error) => error.message).join('; '));
  return result.context;
}

/** An IAM OIDC or SAML provider's ARN: `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH` or `…:saml-provider/NAME`. */
function isIdentityProviderArn(arn: string): boolean {
  const parsed = parseArn(arn);
  return parsed?.service === 'iam' && /^(oidc|saml)-provider\//.test(parsed.resource);
}

/** Whether an IAM OIDC or SAML provider is stored under this ARN. */
async function identityProviderExists(context: Context, arn: string): Promise<boolean> {
  const { prisma } = context.database;
  const where = { where: { arn }, select: { arn: true } } as const;
  const found = arn.includes(':oidc-provider/')
    ? await prisma.oidcProvider.findUnique(where)
    : await prisma.samlProvider.findUnique(where);
  return found !== null;
}

/** The roles a path passes through, as principals the caller must be able to read. */
export function rolesOf(path: RolePath): NamedPrincipal[] {
  return path.hops.map((hop) => ({ kind: 'role', arn: hop.roleArn, accountId: parseArn(hop.roleArn)?.account ?? '' }));
}

/** The principal of a grant and every role on its path. */
export function principalsOf(grant: AccessGrant): NamedPrincipal[] {
  return [grant.principal, ...rolesOf(grant.path)];
}

/**
 * Decides whether a stored user, role or session may perform `action` on `resourceArn`, with everything stored
 * about both sides (policies, boundary, session policies, SCPs, the resource's policy and RCPs), through the
 * same assembler as the door — so canPerform answers what the door would decide for that principal.
 */
export async function canPerform(
  context: Context,
  ref: AccessPrincipalRef,
  action: string,
  resourceArn: string,
  entries?: readonly ContextEntry[] | null,
): Promise<EvaluationResult> {
  const [principal, target] = await Promise.all([
    resolveAccessPrincipal(context, ref),
    describeStoredTarget(context, resourceArn, action),
  ]);
  return evaluateRequest(
    await assembleRequest(context.authorization.loaders, principal, action, target, readContext(entries)),
    { explain: false },
  );
}

/** The stored principals whose own policies allow `action` on a resource (no role assumption), those the caller may read. */
export async function whoCan(context: Context, resourceArn: string, action: string): Promise<AccessGrant[]> {
  const { model } = await context.loaders.access.snapshot();
  const grants = findDirectGrants(model, action, resourceArn).map(({ principal, result }) => ({
    principal,
    path: { hops: [], maxSessionSeconds: 0 },
    matchedStatements: result.matchedStatements,
  }));
  return keepReadable(context, grants, principalsOf);
}

/**
 * Every principal that can perform `action` on a resource, directly or through chains of role assumptions;
 * only grants whose principal and path roles the caller may read (see keepReadable).
 */
export async function whoCanAccess(context: Context, resourceArn: string, action: string): Promise<AccessGrant[]> {
  const { model, graph } = await context.loaders.access.snapshot();
  return keepReadable(context, findWhoCanAccess(model, graph, resourceArn, action), principalsOf);
}

/**
 * The chains of sts:AssumeRole from a stored user or role — or from anyone holding a token or assertion of a
 * stored IAM OIDC or SAML provider — to a stored role, at most `maxDepth` hops, through roles the caller may read.
 */
export async function assumeRolePaths(
  context: Context,
  fromArn: string,
  toRoleArn: string,
  maxDepth?: number | null,
): Promise<RolePath[]> {
  const snapshot = await context.loaders.access.snapshot();
  return keepReadable(context, await findPaths(context, snapshot, fromArn, toRoleArn, maxDepth), rolesOf);
}

/**
 * Answers an assumeRolePaths question from the analysis snapshot (assumeRolePaths and the access graph share it):
 * from a stored user or role, or from a stored IAM OIDC or SAML provider. ValidationError for a depth out of
 * range, NoSuchEntity for an unknown start or target.
 */
export async function findPaths(
  context: Context,
  { model, graph }: Pick<IndexSnapshot, 'model' | 'graph'>,
  fromArn: string,
  toRoleArn: string,
  maxDepth?: number | null,
): Promise<RolePath[]> {
  const depth = maxDepth ?? PATH_LIMITS.defaultDepth;
  if (depth < 1 || depth > PATH_LIMITS.maxDepth)
    throw validationError(`maxDepth must be between 1 and ${PATH_LIMITS.maxDepth}`);
  const provider = isIdentityProviderArn(fromArn);
  const from = model.principals.get(fromArn);
  if (provider ? !(await identityProviderExists(context, fromArn)) : from === undefined)
    throw noSuchEntity(`The principal with ARN ${fromArn} cannot be found.`);
  const target = model.roles.get(toRoleArn);
  if (target === undefined) throw noSuchEntity(`The role with ARN ${toRoleArn} cannot be found.`);
  return provider
    ? findFederatedRolePaths(graph, model.roles, fromArn, target, depth)
    : findAssumeRolePaths(graph, model.roles, from!, target, depth);
}

/** Roles and resources in an account or organization that principals outside it can use. */
export async function externalAccess(
  context: Context,
  accountId?: string | null,
  organizationId?: string | null,
): Promise<ExternalAccessFinding[]> {
  if ((accountId == null) === (organizationId == null))
    throw validationError('give exactly one of accountId and organizationId');
  const { model } = await context.loaders.access.snapshot();
  if (accountId != null) {
    if (!model.accounts.has(accountId)) throw noSuchEntity(`The account ${accountId} cannot be found.`);
    return findExternalAccess(model, { accountIds: new Set([accountId]), organizationId: null });
  }
  const members = [...model.accounts.values()]
    .filter((account) => account.orgId === organizationId)
    .map((account) => account.id);
  if (members.length === 0) throw noSuchEntity(`The organization ${organizationId} cannot be found.`);
  return findExternalAccess(model, { accountIds: new Set(members), organizationId: organizationId! });
}

/** What a stored user, role or session can do, after boundaries, SCPs and session policies. */
export async function effectivePermissions(context: Context, principalArn: string): Promise<EffectivePermission[]> {
  const { model } = await context.loaders.access.snapshot();
  const { subject, documents } = await loadAccessSubject(context, { kind: 'arn', arn: principalArn });
  return computeEffectivePermissions(model, subject, documents);
}
