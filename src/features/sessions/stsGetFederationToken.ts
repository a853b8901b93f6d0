import { awsError, hasErrorCode } from '../../graphql/errors.js';
import {
  buildMfaContext,
  createContextFromEntries,
  evaluateRequest,
  planFederationToken,
  type GetFederationTokenRequest,
} from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { requestTagContext } from '../identities/replaceTags.js';
import { accessDeniedMessage, denialReasonOf } from '../authorization/accessDeniedMessage.js';
import { assembleRequest, createAssemblyLoaders, describePrincipal } from '../authorization/assembleRequest.js';
import { checkSessionPolicies, type StsDependencies } from './stsAssumeRole.js';
import { recordStsEvent } from './stsAudit.js';
import { issueSession, type IssuedCredentials } from './stsIssueSession.js';

/** GetFederationToken's response, as AWS's GetFederationTokenResult. */
export interface GetFederationTokenResult {
  credentials: IssuedCredentials;
  federatedUser: { arn: string; federatedUserId: string };
  packedPolicySize: number;
}

async function getFederationTokenUnaudited(
  deps: StsDependencies,
  caller: Caller,
  input: GetFederationTokenRequest,
): Promise<GetFederationTokenResult> {
  // AWS: "You must call the GetFederationToken operation using the long-term security credentials of an IAM user."
  if (caller.session !== null || caller.type === 'operator') {
    throw awsError('AccessDenied', 'Cannot call GetFederationToken with session credentials');
  }
  const plan = planFederationToken(input, caller.accountId, caller.type === 'root');
  if (!plan.ok) throw awsError(plan.error.code, plan.error.message);
  await checkSessionPolicies(
    deps.prisma,
    { roleArn: plan.value.arn, roleSessionName: input.name, policy: input.policy, policyArns: input.policyArns },
    caller.accountId,
  );

  const loaders = deps.loaders ?? createAssemblyLoaders(deps.prisma);
  const side = deps.callerSide
    ? await deps.callerSide(caller)
    : await describePrincipal(loaders, { kind: 'caller', caller });
  const context = createContextFromEntries([
    ...requestTagContext(plan.value.tags),
    ...buildMfaContext({ authenticatedAt: null, temporaryCredentials: false }, deps.now),
  ]);
  if (!context.ok) throw awsError('ValidationError', context.errors[0]?.message ?? 'invalid request context');
  const target = { arn: plan.value.arn, accountId: caller.accountId };
  for (const action of ['sts:GetFederationToken', ...(plan.value.requiresTagSession ? ['sts:TagSession'] : [])]) {
    const result = evaluateRequest(
      { ...(await assembleRequest(loaders, side, action, target, context.context)), now: deps.now },
      { explain: false },
    );
    if (result.evalDecision !== 'allowed')
      throw awsError('AccessDenied', accessDeniedMessage(caller.arn, action, target.arn, denialReasonOf(result)));
  }

  const credentials = await issueSession(deps.prisma, deps.cipher, {
    accountId: caller.accountId,
    roleId: null,
    userId: caller.iamUserId,
    parentSessionId: null,
    sessionName: input.name,
    arn: plan.value.arn,
    assumedRoleId: plan.value.federatedUserId,
    callerArn: caller.arn,
    sourceIdentity: null,
    tags: plan.value.tags,
    transitiveTagKeys: [],
    sessionPolicy: input.policy ?? null,
    policyArns: [...new Set(input.policyArns ?? [])],
    mfaAuthenticatedAt: null,
    chained: false,
    issuedAt: deps.now,
    durationSeconds: plan.value.durationSeconds,
  });
  return {
    credentials,
    federatedUser: { arn: plan.value.arn, federatedUserId: plan.value.federatedUserId },
    packedPolicySize: plan.value.packedPolicySize,
  };
}

/**
 * AWS's GetFederationToken: temporary credentials for a federated user `arn:aws:sts::ACCT:federated-user/NAME`
 * (`aws:userid` `ACCT:NAME`), asked for with an IAM user's (or root's) long-term keys — session credentials are
 * refused ("Cannot call GetFederationToken with session credentials"). In order: parameters (AWS's constraints,
 * durations 900–129600 s, default 43200, root capped at 3600), session policies, then `sts:GetFederationToken`
 * on the federated user's ARN (plus `sts:TagSession` with the request's tags) through the door. The session's
 * permissions are the user's policies and boundary intersected with its session policies — none passed means
 * none — plus whatever resource policies naming the federated user grant. Every call is audited.
 */
export async function getFederationToken(
  deps: StsDependencies,
  caller: Caller,
  input: GetFederationTokenRequest,
): Promise<GetFederationTokenResult> {
  try {
    const result = await getFederationTokenUnaudited(deps, caller, input);
    await recordStsEvent(deps.prisma, {
      eventName: 'GetFederationToken',
      caller,
      resourceArn: result.federatedUser.arn,
      issuedSessionId: result.credentials.accessKeyId,
      detail: {
        name: input.name,
        durationSeconds: (result.credentials.expiration.getTime() - deps.now.getTime()) / 1000,
      },
    });
    return result;
  } catch (error) {
    if (hasErrorCode(error)) {
      await recordStsEvent(deps.prisma, {
        eventName: 'GetFederationToken',
        caller,
        resourceArn: null,
        errorCode: error.extensions.code,
        errorMessage: error.message,
        detail: { name: input.name },
      });
    }
    throw error;
  }
}
