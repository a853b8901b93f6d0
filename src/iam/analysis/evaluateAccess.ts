import { parseArn } from '../arn/parseArn.js';
import type { RequestContext } from '../conditions/RequestContext.js';
import type { CompiledPolicy } from '../evaluate/compilePolicy.js';
import type { EnginePrincipal, EngineResource } from '../evaluate/EngineRequest.js';
import { evaluateRequest } from '../evaluate/evaluateRequest.js';
import type { EvaluationResult } from '../simulationTypes.js';
import type { AnalysisAccount, AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';

/** Who acts, with every identity-side policy: a stored user, a role (as one of its sessions) or a stored session. */
export interface AccessSubject {
  principal: EnginePrincipal;
  identityPolicies: readonly CompiledPolicy[];
  permissionsBoundary: CompiledPolicy | null;
  /** null unless the subject is a session that was given session policies. */
  sessionPolicies: readonly CompiledPolicy[] | null;
}

/** What the action targets, resolved against the model once per question and shared by every subject. */
export interface AccessTarget {
  resource: EngineResource;
  resourcePolicy: CompiledPolicy | null;
  rcpLevels: readonly (readonly CompiledPolicy[])[];
}

/** The session name the analysis gives a role acting on its own: a role acts only through a session. */
export const ANALYSIS_SESSION_NAME = 'analysis';

const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity']);

/**
 * Describes a stored user or role as the engine's principal. A role is evaluated as a session of itself (its
 * ARN stands for the session, `roleArn` lets resource policies that name the role match), as AWS evaluates
 * whatever a role does through a session.
 */
export function describeSubject(model: AuthorizationModel, principal: AnalysisUser | AnalysisRole): AccessSubject {
  // Subjects are asked about many times per query and across queries. A principal object is shared by every
  // model that keeps its account's slice, so the cached subject also remembers the account facts it was built
  // from: a model whose organizations changed (new account objects) builds it again.
  const account = model.accounts.get(principal.accountId);
  const cached = subjects.get(principal);
  if (cached !== undefined && cached.account === account) return cached.subject;
  const subject = buildSubject(model, principal);
  subjects.set(principal, { account, subject });
  return subject;
}

const subjects = new WeakMap<
  AnalysisUser | AnalysisRole,
  { account: AnalysisAccount | undefined; subject: AccessSubject }
>();

function buildSubject(model: AuthorizationModel, principal: AnalysisUser | AnalysisRole): AccessSubject {
  const account = model.accounts.get(principal.accountId);
  // One literal with every field for both kinds, so every subject shares one hidden class (spreading a common
  // part made one per principal: hundreds of bytes each in a large organization).
  const role = principal.kind === 'role';
  const engine: EnginePrincipal = {
    arn: principal.arn,
    type: role ? 'AssumedRole' : 'User',
    account: principal.accountId,
    roleArn: role ? principal.arn : null,
    userId: role ? `${principal.id}:${ANALYSIS_SESSION_NAME}` : principal.id,
    username: role ? null : principal.name,
    tags: principal.tags,
    orgId: account?.orgId ?? null,
    orgPaths: account?.orgPaths ?? null,
    isManagementAccount: account?.isManagementAccount ?? false,
  };
  return {
    principal: engine,
    identityPolicies: principal.identityPolicies,
    permissionsBoundary: principal.permissionsBoundary,
    sessionPolicies: null,
  };
}

/**
 * Resolves a resource ARN for an action: a stored role is the target of sts:AssumeRole (its trust policy must
 * allow), a stored resource brings its policy and tags, a KMS key needs its key policy; anything else is an
 * ARN in the account it names (or the caller's, for ARNs without an account such as S3's).
 */
export function describeTarget(model: AuthorizationModel, resourceArn: string, action: string): AccessTarget {
  const lowerAction = action.toLowerCase();
  const role = model.roles.get(resourceArn);
  const stored = findStoredResource(model, resourceArn);
  const accountId = role?.accountId ?? stored?.accountId ?? (parseArn(resourceArn)?.account || null);
  const account = accountId === null ? undefined : model.accounts.get(accountId);
  const base = {
    arn: resourceArn,
    account: accountId,
    orgId: account?.orgId ?? null,
    orgPaths: account?.orgPaths ?? null,
    isManagementAccount: account?.isManagementAccount ?? false,
  };
  const rcpLevels = account?.rcpLevels ?? [];
  if (role !== undefined && TRUST_ACTIONS.has(lowerAction)) {
    return { resource: { ...base, kind: 'trust', tags: role.tags }, resourcePolicy: role.trustPolicy, rcpLevels };
  }
  if (stored !== undefined) {
    const kind = stored.service === 'kms' && stored.resourceType === 'key' ? 'kmsKey' : 'other';
    return { resource: { ...base, kind, tags: stored.tags }, resourcePolicy: stored.policy, rcpLevels };
  }
  return { resource: { ...base, kind: 'other', tags: role?.tags ?? null }, resourcePolicy: null, rcpLevels };
}

/**
 * The stored resource whose policy governs an ARN. An S3 object belongs to its bucket: the bucket's account,
 * policy and tags decide even when the object itself is stored (S3 objects have no resource policy of their
 * own), so the bucket wins over an object row.
 */
function findStoredResource(model: AuthorizationModel, resourceArn: string) {
  const slash = resourceArn.indexOf('/');
  if (resourceArn.startsWith('arn:aws:s3:::') && slash > 0) {
    return model.resources.get(resourceArn.slice(0, slash)) ?? model.resources.get(resourceArn);
  }
  return model.resources.get(resourceArn);
}

/**
 * A quick necessary condition: whether any of the subject's identity policies has an Allow statement for the
 * action and the resource (conditions unchecked; a resource pattern whose policy variable cannot be filled
 * here counts as a possible match). Without one, only a same-account resource policy naming the principal can
 * grant, so callers skip the engine for everyone else.
 */
export function mayIdentityAllow(subject: AccessSubject, lowerAction: string, resourceArn: string): boolean {
  if (subject.principal.type === 'Account') return true;
  for (const policy of subject.identityPolicies) {
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || !statement.matchesAction(lowerAction)) continue;
      if (statement.matchesResource === null) return true;
      const missing: string[] = [];
      if (statement.matchesResource(resourceArn, NO_CONTEXT, missing) || missing.length > 0) return true;
    }
  }
  return false;
}

const NO_CONTEXT: RequestContext = { get: () => undefined };

/** Decides one (subject, action, target) question with the engine, SCPs of the subject's account included; explains on request. */
export function evaluateAccess(
  model: AuthorizationModel,
  subject: AccessSubject,
  action: string,
  target: AccessTarget,
  context: RequestContext | null = null,
  options: { now?: Date; explain?: boolean } = {},
): EvaluationResult {
  const account = model.accounts.get(subject.principal.account);
  return evaluateRequest(
    {
      action,
      principal: subject.principal,
      resource: target.resource,
      identityPolicies: subject.identityPolicies,
      permissionsBoundary: subject.permissionsBoundary,
      sessionPolicies: subject.sessionPolicies,
      scpLevels: account?.scpLevels ?? [],
      rcpLevels: target.rcpLevels,
      resourcePolicy: target.resourcePolicy,
      context,
      ...(options.now === undefined ? {} : { now: options.now }),
    },
    // Analysis asks thousands of questions and needs only the decision; a simulation explains every policy.
    { explain: options.explain === true },
  );
}
