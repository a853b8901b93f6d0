import type { PrismaClient, Session } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { readSessionTags } from '../../graphql/tags.js';
import {
  compileStoredPolicy,
  formatRootArn,
  mergePrincipalTags,
  parsePrincipal,
  type CompiledPolicy,
  type EnginePrincipal,
  type EngineRequest,
  type RequestContext,
  type SessionTag,
} from '../../iam/index.js';
import { ANALYSIS_SESSION_NAME } from '../../iam/analysis/index.js';
import type { Caller } from '../auth/Caller.js';
import {
  createPrincipalLoaders,
  type PrincipalLoaders,
  type SourcedDocument,
  type StoredPrincipal,
} from './createPrincipalLoaders.js';
import {
  createOrganizationLevelsLoader,
  type OrganizationLevels,
  type OrganizationLevelsLoader,
} from './createOrganizationLevelsLoader.js';
import type { ResourceControlFacts } from '../cache/getAuthorizationCaches.js';

/**
 * Who acts: the signed caller, a stored user, a stored role (as a session of itself), a stored session (a role
 * session, a user's GetSessionToken session, or a GetFederationToken federated user), or a service.
 */
export type AssemblyPrincipal =
  | { kind: 'caller'; caller: Caller }
  | { kind: 'user'; id: string }
  | { kind: 'role'; id: string }
  | { kind: 'session'; session: Session }
  | { kind: 'service'; service: string };

/** What the action targets, as far as the caller knows it; the assembler adds the account's RCPs and organization. */
export interface AssemblyTarget {
  arn: string;
  /** The owning account; null means the principal's account. */
  accountId: string | null;
  /** `trust` (a role, for sts:AssumeRole) and `kmsKey` need their policy to allow; default `other`. */
  kind?: 'trust' | 'kmsKey' | 'other';
  /** The resource's stored policy (bucket policy, trust policy, key policy), if any. */
  policy?: string | null;
  /** The id the policy is reported under (default: the ARN). */
  policyId?: string;
  tags?: Readonly<Record<string, string>> | null;
}

/** The per-request loaders every decision reads stored state through. */
export interface AssemblyLoaders extends PrincipalLoaders {
  organizationLevels: OrganizationLevelsLoader;
  /**
   * An account's RCP levels (compiled) and organization facts: the resource side of every decision, described
   * once per request and account. A request's context reads them through the version-keyed cache.
   */
  resourceControls(accountId: string): Promise<ResourceControlFacts>;
}

/**
 * Where a request's context keeps an account's resource side between requests (the version-keyed cache of
 * src/features/cache): given the account and how to describe it, the description as of the request's version.
 */
export type CacheResourceControls = (
  accountId: string,
  describe: () => Promise<ResourceControlFacts>,
) => Promise<ResourceControlFacts>;

/**
 * Creates the assembler's loaders for one request (or one STS call made outside a request). Each DataLoader is
 * created on first use, so a request that decides nothing pays for none. `cache`, when given, keeps accounts'
 * resource sides between requests.
 */
export function createAssemblyLoaders(prisma: PrismaClient, cache?: CacheResourceControls): AssemblyLoaders {
  let principalLoaders: PrincipalLoaders | undefined;
  let organizationLevels: OrganizationLevelsLoader | undefined;
  const controls = new Map<string, Promise<ResourceControlFacts>>();
  const loaders: AssemblyLoaders = {
    get principals() {
      return (principalLoaders ??= createPrincipalLoaders(prisma)).principals;
    },
    get managedPolicies() {
      return (principalLoaders ??= createPrincipalLoaders(prisma)).managedPolicies;
    },
    get organizationLevels() {
      return (organizationLevels ??= createOrganizationLevelsLoader(prisma));
    },
    resourceControls(accountId) {
      let found = controls.get(accountId);
      if (found === undefined) {
        const describe = async () =>
          describeResourceControls(
            await loaders.organizationLevels.load({ accountId, type: 'RESOURCE_CONTROL_POLICY' }),
          );
        found = cache === undefined ? describe() : cache(accountId, describe);
        controls.set(accountId, found);
      }
      return found;
    },
  };
  return loaders;
}

/** An account's RCP levels compiled (a stored one that no longer compiles denies everything) with its organization facts. */
function describeResourceControls(organization: OrganizationLevels): ResourceControlFacts {
  return { levels: compileLevels(organization.levels, 'rcp'), ...organizationFacts(organization) };
}

/** The principal's side of an engine request. */
export type PrincipalSide = Pick<
  EngineRequest,
  'principal' | 'identityPolicies' | 'permissionsBoundary' | 'sessionPolicies' | 'scpLevels'
>;

/** What a session adds to its role or user: identity, tags, source identity, MFA, issue time, session policies. */
interface SessionFacts {
  arn: string;
  userId: string;
  tags: SessionTag[];
  sessionPolicy: string | null;
  policyArns: string[];
  sourceIdentity: string | null;
  mfaPresent: boolean;
  issuedAt: Date;
  /** A GetFederationToken session: a FederatedUser whose session policies are a set even when none was passed. */
  federated: boolean;
}

const compileAll = (
  documents: readonly SourcedDocument[],
  kind: 'identity' | 'permissionsBoundary' | 'session',
): CompiledPolicy[] => documents.map(({ document, sourceId }) => compileStoredPolicy(document, kind, sourceId));

const compileLevels = (levels: OrganizationLevels['levels'], kind: 'scp' | 'rcp'): CompiledPolicy[][] =>
  levels.map((level) => level.map((policy) => compileStoredPolicy(policy.document, kind, policy.id)));

const organizationFacts = (organization: OrganizationLevels) => ({
  orgId: organization.organizationId,
  orgPaths: organization.organizationId === null ? null : organization.orgPaths,
  isManagementAccount: organization.isManagementAccount,
});

async function loadStored(loaders: AssemblyLoaders, kind: 'user' | 'role', id: string): Promise<StoredPrincipal> {
  const stored = await loaders.principals.load(`${kind}:${id}`);
  if (stored === null) throw awsError('NoSuchEntity', `The ${kind} with id ${id} cannot be found.`);
  return stored;
}

/** An account's root user as the principal behind its federated users: no policies, no tags. */
const rootAsStored = (accountId: string): StoredPrincipal => ({
  kind: 'user',
  id: accountId,
  arn: formatRootArn(accountId),
  name: 'root',
  accountId,
  tags: [],
  identity: [],
  boundary: null,
});

/**
 * A stored user or role, acting on its own or through a session, with the session's facts and policies on top.
 * A federated user (GetFederationToken) keeps its user's policies and boundary, names the user as the one that
 * federated it, and always has a session policy set: none passed is none allowed.
 */
async function describeStored(
  loaders: AssemblyLoaders,
  stored: StoredPrincipal,
  session: SessionFacts | null,
  roleUserId: string,
): Promise<PrincipalSide> {
  const [organization, managed] = await Promise.all([
    loaders.organizationLevels.load({ accountId: stored.accountId, type: 'SERVICE_CONTROL_POLICY' }),
    session === null ? [] : loaders.managedPolicies.loadMany(session.policyArns),
  ]);
  const tags = session === null ? stored.tags : mergePrincipalTags(stored.tags, session.tags);
  const federated = session?.federated === true;
  const principal: EnginePrincipal = {
    arn: session?.arn ?? stored.arn,
    account: stored.accountId,
    type: federated ? 'FederatedUser' : stored.kind === 'user' ? 'User' : 'AssumedRole',
    roleArn: stored.kind === 'role' ? stored.arn : null,
    ...(federated ? { federatingUserArn: stored.arn } : {}),
    userId: session?.userId ?? (stored.kind === 'role' ? roleUserId : stored.id),
    username: stored.kind === 'user' && !federated ? stored.name : null,
    tags: Object.fromEntries(tags.map((tag) => [tag.key, tag.value])),
    ...organizationFacts(organization),
    sourceIdentity: session?.sourceIdentity ?? null,
    mfaPresent: session === null ? null : session.mfaPresent,
    tokenIssueTime: session?.issuedAt ?? null,
  };
  // A managed session policy deleted since the session began is gone from the set, as in AWS.
  const sessionDocuments: SourcedDocument[] =
    session === null
      ? []
      : [
          ...(session.sessionPolicy === null
            ? []
            : [{ sourceId: `${session.arn}:session-policy`, document: session.sessionPolicy }]),
          ...managed.flatMap((document) => (document === null || document instanceof Error ? [] : [document])),
        ];
  return {
    principal,
    identityPolicies: compileAll(stored.identity, 'identity'),
    permissionsBoundary:
      stored.boundary === null
        ? null
        : compileStoredPolicy(stored.boundary.document, 'permissionsBoundary', stored.boundary.sourceId),
    sessionPolicies:
      session === null || (!federated && session.sessionPolicy === null && session.policyArns.length === 0)
        ? null
        : compileAll(sessionDocuments, 'session'),
    scpLevels: compileLevels(organization.levels, 'scp'),
  };
}

/**
 * The principal's side of a decision — identity and group policies, boundary, session policies and tags, SCP
 * levels, organization facts — for any principal, read through the request's loaders. Every decision the
 * product makes describes its principal here: the door (mutations, reads), STS, canPerform, simulations.
 */
export async function describePrincipal(
  loaders: AssemblyLoaders,
  principal: AssemblyPrincipal,
): Promise<PrincipalSide> {
  switch (principal.kind) {
    case 'service':
      return {
        principal: { arn: principal.service, account: '', type: 'Service' },
        identityPolicies: [],
        permissionsBoundary: null,
        sessionPolicies: null,
        scpLevels: [],
      };
    case 'user':
      return describeStored(loaders, await loadStored(loaders, 'user', principal.id), null, principal.id);
    case 'role':
      return describeStored(
        loaders,
        await loadStored(loaders, 'role', principal.id),
        null,
        `${principal.id}:${ANALYSIS_SESSION_NAME}`,
      );
    case 'session': {
      const { session } = principal;
      const federated = session.roleId === null && parsePrincipal(session.arn)?.kind === 'federatedUser';
      const stored =
        session.roleId !== null
          ? await loadStored(loaders, 'role', session.roleId)
          : federated && session.userId === null
            ? rootAsStored(session.accountId)
            : await loadStored(loaders, 'user', session.userId ?? '');
      const facts: SessionFacts = {
        arn: stored.kind === 'role' || federated ? session.arn : stored.arn,
        userId: session.assumedRoleId ?? stored.id,
        tags: readSessionTags(session.tags),
        sessionPolicy: session.sessionPolicy,
        policyArns: session.policyArns,
        sourceIdentity: session.sourceIdentity,
        mfaPresent: session.mfaAuthenticated,
        issuedAt: session.issuedAt,
        federated,
      };
      return describeStored(loaders, stored, facts, facts.userId);
    }
    case 'caller': {
      const { caller } = principal;
      if (caller.type === 'root' || caller.type === 'operator') {
        const organization = await loaders.organizationLevels.load({
          accountId: caller.accountId,
          type: 'SERVICE_CONTROL_POLICY',
        });
        const session = caller.session;
        return {
          principal: {
            arn: caller.arn,
            account: caller.accountId,
            type: 'Account',
            userId: caller.userId,
            ...organizationFacts(organization),
            mfaPresent: session === null ? null : session.mfaAuthenticated,
            tokenIssueTime: session?.issuedAt ?? null,
          },
          identityPolicies: [],
          permissionsBoundary: null,
          sessionPolicies: null,
          scpLevels: compileLevels(organization.levels, 'scp'),
        };
      }
      const session = caller.session;
      const id = caller.type === 'assumedRole' ? session?.roleId : caller.iamUserId;
      const federated = caller.type === 'federatedUser';
      const stored = id
        ? await loaders.principals.load(`${caller.type === 'assumedRole' ? 'role' : 'user'}:${id}`)
        : federated
          ? rootAsStored(caller.accountId)
          : null;
      if (stored === null)
        throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
      const facts: SessionFacts | null =
        session === null
          ? null
          : {
              arn: caller.arn,
              userId: caller.userId,
              tags: session.tags,
              sessionPolicy: session.sessionPolicy,
              policyArns: session.policyArns,
              sourceIdentity: session.sourceIdentity,
              mfaPresent: session.mfaAuthenticated,
              issuedAt: session.issuedAt,
              federated,
            };
      return describeStored(loaders, stored, facts, caller.userId);
    }
  }
}

/**
 * Assembles the engine's request: the principal's side (see describePrincipal) and the target with its
 * account's organization facts and RCP levels (the engine decides where RCPs apply) and its stored policy
 * (one that no longer compiles denies everything). The one place stored state becomes an engine request.
 */
export async function assembleRequest(
  loaders: AssemblyLoaders,
  principal: AssemblyPrincipal | PrincipalSide,
  action: string,
  target: AssemblyTarget,
  context: RequestContext | null = null,
): Promise<EngineRequest> {
  const side = 'kind' in principal ? await describePrincipal(loaders, principal) : principal;
  const accountId = target.accountId ?? side.principal.account;
  const controls = await loaders.resourceControls(accountId);
  const kind = target.kind ?? 'other';
  return {
    action,
    ...side,
    resource: {
      arn: target.arn,
      account: accountId,
      kind,
      tags: target.tags ?? null,
      orgId: controls.orgId,
      orgPaths: controls.orgPaths,
      isManagementAccount: controls.isManagementAccount,
    },
    rcpLevels: controls.levels,
    resourcePolicy: target.policy
      ? compileStoredPolicy(target.policy, kind === 'trust' ? 'trust' : 'resource', target.policyId ?? target.arn)
      : null,
    context,
  };
}
