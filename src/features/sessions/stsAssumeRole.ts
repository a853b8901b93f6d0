import type { PrismaClient } from '../../generated/prisma/client.js';
import { awsError, hasErrorCode } from '../../graphql/errors.js';
import {
  buildAssumeRoleContext,
  compilePolicy,
  createContextFromEntries,
  evaluateRequest,
  findAwsManagedPolicy,
  formatRoleSessionArn,
  formatRootArn,
  planAssumeRoleSession,
  refuseRootAssumeRole,
  resolveCallerMfa,
  validateAssumeRoleRequest,
  type AssumeRoleRequest,
} from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { consumeMfaCode } from '../auth/consumeMfaCode.js';
import type { SecretCipher } from '../auth/secretCipher.js';
import { storeAwsManagedPolicy } from '../policies/awsManagedPolicyRows.js';
import { recordStsEvent } from './stsAudit.js';
import { accessDeniedMessage, denialReasonOf } from '../authorization/accessDeniedMessage.js';
import {
  assembleRequest,
  createAssemblyLoaders,
  describePrincipal,
  type AssemblyLoaders,
  type PrincipalSide,
} from '../authorization/assembleRequest.js';
import { issueSession, type IssuedCredentials } from './stsIssueSession.js';
import type { RoleWithTags } from '../cache/cachedRoles.js';

/** What the STS operations work with. */
export interface StsDependencies {
  prisma: PrismaClient;
  cipher: SecretCipher;
  now: Date;
  /** The request's authorization loaders (context.authorization.loaders); fresh ones when absent. */
  loaders?: AssemblyLoaders;
  /** The signed caller's side from the request's version-keyed cache; described through `loaders` when absent. */
  callerSide?: (caller: Caller) => Promise<PrincipalSide>;
  /** The role by ARN, from the request's version-keyed cache; read from the database when absent. */
  findRole?: (arn: string) => Promise<RoleWithTags | null>;
}

/** AssumeRole's response, as DESIGN.md's AssumeRolePayload. */
export interface AssumeRoleResult {
  credentials: IssuedCredentials;
  assumedRoleUser: { arn: string; assumedRoleId: string };
  packedPolicySize: number;
  sourceIdentity: string | null;
}

function denied(caller: Caller, action: string, roleArn: string): Error {
  return awsError(
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${roleArn}`,
  );
}

/** The operator acts as the root of the role's account, outside any SCP. */
function operatorPolicies(accountId: string): PrincipalSide {
  return {
    principal: {
      arn: formatRootArn(accountId),
      account: accountId,
      type: 'Account',
      userId: accountId,
      isManagementAccount: true,
    },
    identityPolicies: [],
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [],
  };
}

/** Checks the session policies passed: the inline one must be a valid session policy, managed ones must exist in the role's account or be AWS managed. */
export async function checkSessionPolicies(
  prisma: PrismaClient,
  input: AssumeRoleRequest,
  roleAccountId: string,
): Promise<void> {
  if (input.policy !== null && input.policy !== undefined) {
    const compiled = compilePolicy(input.policy, 'session', 'SessionPolicy');
    if (!compiled.ok) {
      throw awsError(
        'MalformedPolicyDocument',
        compiled.errors[0]?.message ?? 'The policy is not in the valid JSON format.',
      );
    }
  }
  const arns = [...new Set(input.policyArns ?? [])];
  if (arns.length > 0) {
    const found = await prisma.managedPolicy.findMany({
      where: { arn: { in: arns } },
      select: { arn: true, accountId: true },
    });
    for (const arn of arns) {
      const policy = found.find((p) => p.arn === arn);
      const aws = findAwsManagedPolicy(arn);
      // The session's policy loader reads stored rows: an AWS managed policy is stored on first use.
      if (aws !== null) await storeAwsManagedPolicy(prisma, aws);
      else if (!policy || policy.accountId !== roleAccountId) {
        throw awsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
      }
    }
  }
}

async function assumeRoleUnaudited(
  deps: StsDependencies,
  caller: Caller,
  input: AssumeRoleRequest,
): Promise<AssumeRoleResult & { sessionId: string }> {
  // The request is validated before anything about the caller is decided, as STS answers a malformed call.
  const invalid = validateAssumeRoleRequest(input);
  if (invalid !== null) throw awsError(invalid.code, invalid.message);
  const rootRefusal = refuseRootAssumeRole({ type: caller.type });
  if (rootRefusal !== null) throw awsError(rootRefusal.code, rootRefusal.message);
  const role = deps.findRole
    ? await deps.findRole(input.roleArn)
    : await deps.prisma.role.findUnique({ where: { arn: input.roleArn }, include: { tags: true } });
  if (role === null) throw denied(caller, 'sts:AssumeRole', input.roleArn);

  const session = caller.session;
  const calling =
    session === null
      ? null
      : {
          isRoleSession: caller.type === 'assumedRole',
          sourceIdentity: session.sourceIdentity,
          tags: session.tags,
          transitiveTagKeys: session.transitiveTagKeys,
        };
  const plan = planAssumeRoleSession(input, role, calling);
  if (!plan.ok) throw awsError(plan.error.code, plan.error.message);

  await checkSessionPolicies(deps.prisma, input, role.accountId);
  let mfaAuthenticatedAt =
    session === null
      ? null
      : resolveCallerMfa({
          isRoleSession: caller.type === 'assumedRole',
          mfaAuthenticatedAt: session.mfaAuthenticatedAt,
        });
  if (input.serialNumber && input.tokenCode) {
    await consumeMfaCode(deps.prisma, deps.cipher, caller, input.serialNumber, input.tokenCode, deps.now);
    mfaAuthenticatedAt = deps.now;
  }

  const loaders = deps.loaders ?? createAssemblyLoaders(deps.prisma);
  const side =
    caller.type === 'operator'
      ? operatorPolicies(role.accountId)
      : deps.callerSide
        ? await deps.callerSide(caller)
        : await describePrincipal(loaders, { kind: 'caller', caller });
  const context = createContextFromEntries(
    buildAssumeRoleContext(
      { ...input, sourceIdentity: plan.value.sourceIdentity, tags: plan.value.tags },
      { authenticatedAt: mfaAuthenticatedAt, temporaryCredentials: session !== null },
      deps.now,
    ),
  );
  if (!context.ok) throw awsError('ValidationError', context.errors[0]?.message ?? 'invalid request context');
  const actions = [
    'sts:AssumeRole',
    ...(plan.value.requiresTagSession ? ['sts:TagSession'] : []),
    ...(plan.value.requiresSetSourceIdentity ? ['sts:SetSourceIdentity'] : []),
  ];
  const target = {
    arn: role.arn,
    accountId: role.accountId,
    kind: 'trust' as const,
    policy: role.assumeRolePolicyDocument,
    policyId: 'TrustPolicy',
    tags: Object.fromEntries(role.tags.map((t) => [t.key, t.value])),
  };
  for (const action of actions) {
    const result = evaluateRequest(
      { ...(await assembleRequest(loaders, side, action, target, context.context)), now: deps.now },
      { explain: false },
    );
    if (result.evalDecision !== 'allowed')
      throw awsError('AccessDenied', accessDeniedMessage(caller.arn, action, role.arn, denialReasonOf(result)));
  }

  const arn = formatRoleSessionArn(role.arn, input.roleSessionName) ?? role.arn;
  const assumedRoleId = `${role.id}:${input.roleSessionName}`;
  const credentials = await issueSession(deps.prisma, deps.cipher, {
    accountId: role.accountId,
    roleId: role.id,
    userId: null,
    parentSessionId: plan.value.chained ? (session?.id ?? null) : null,
    sessionName: input.roleSessionName,
    arn,
    assumedRoleId,
    callerArn: caller.arn,
    sourceIdentity: plan.value.sourceIdentity,
    tags: plan.value.tags,
    transitiveTagKeys: plan.value.transitiveTagKeys,
    sessionPolicy: input.policy ?? null,
    policyArns: input.policyArns ?? [],
    mfaAuthenticatedAt,
    chained: plan.value.chained,
    issuedAt: deps.now,
    durationSeconds: plan.value.durationSeconds,
  });
  return {
    credentials,
    assumedRoleUser: { arn, assumedRoleId },
    packedPolicySize: plan.value.packedPolicySize,
    sourceIdentity: plan.value.sourceIdentity,
    sessionId: credentials.accessKeyId,
  };
}

/**
 * AWS's AssumeRole. In order: parameter validation, the role (a missing role is AccessDenied, as in AWS),
 * duration, tag and source-identity rules, session policies, MFA, then one engine evaluation per action
 * the call needs — sts:AssumeRole, plus sts:TagSession and sts:SetSourceIdentity when used — each with
 * the trust policy as the resource policy, the caller's identity, boundary, session policies and SCPs, and
 * the RCPs of the role's account (RCPs govern STS),
 * so same-account, cross-account and chained calls follow AWS's rule. Every call, allowed or denied, is
 * audited.
 */
export async function assumeRole(
  deps: StsDependencies,
  caller: Caller,
  input: AssumeRoleRequest,
): Promise<AssumeRoleResult> {
  try {
    const { sessionId, ...result } = await assumeRoleUnaudited(deps, caller, input);
    await recordStsEvent(deps.prisma, {
      eventName: 'AssumeRole',
      caller,
      resourceArn: input.roleArn,
      issuedSessionId: sessionId,
      sourceIdentity: result.sourceIdentity,
      detail: {
        roleSessionName: input.roleSessionName,
        durationSeconds: (result.credentials.expiration.getTime() - deps.now.getTime()) / 1000,
      },
    });
    return result;
  } catch (error) {
    if (hasErrorCode(error)) {
      await recordStsEvent(deps.prisma, {
        eventName: 'AssumeRole',
        caller,
        resourceArn: input.roleArn,
        errorCode: error.extensions.code,
        errorMessage: error.message,
        detail: { roleSessionName: input.roleSessionName },
      });
    }
    throw error;
  }
}
