import { awsError, hasErrorCode } from '../../graphql/errors.js';
import { planGetSessionToken, type GetSessionTokenRequest } from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { consumeMfaCode } from '../auth/consumeMfaCode.js';
import type { StsDependencies } from './stsAssumeRole.js';
import { recordStsEvent } from './stsAudit.js';
import { issueSession, type IssuedCredentials } from './stsIssueSession.js';

async function getSessionTokenUnaudited(
  deps: StsDependencies,
  caller: Caller,
  input: GetSessionTokenRequest,
): Promise<IssuedCredentials> {
  if (caller.session !== null || caller.type === 'operator') {
    throw awsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
  }
  const plan = planGetSessionToken(input, caller.type === 'root');
  if (!plan.ok) throw awsError(plan.error.code, plan.error.message);
  let mfaAuthenticatedAt: Date | null = null;
  if (input.serialNumber && input.tokenCode) {
    await consumeMfaCode(deps.prisma, deps.cipher, caller, input.serialNumber, input.tokenCode, deps.now);
    mfaAuthenticatedAt = deps.now;
  }
  return issueSession(deps.prisma, deps.cipher, {
    accountId: caller.accountId,
    roleId: null,
    userId: caller.iamUserId,
    parentSessionId: null,
    sessionName: null,
    arn: caller.arn,
    assumedRoleId: null,
    callerArn: caller.arn,
    sourceIdentity: null,
    tags: [],
    transitiveTagKeys: [],
    sessionPolicy: null,
    policyArns: [],
    mfaAuthenticatedAt,
    chained: false,
    issuedAt: deps.now,
    durationSeconds: plan.value,
  });
}

/**
 * AWS's GetSessionToken: temporary credentials for the calling user or root, MFA-authenticated when a
 * code is given (then `aws:MultiFactorAuthPresent` is true in every request they sign). No policy can deny
 * it, as in AWS, but session credentials cannot call it. Audited either way.
 */
export async function getSessionToken(
  deps: StsDependencies,
  caller: Caller,
  input: GetSessionTokenRequest,
): Promise<IssuedCredentials> {
  try {
    const credentials = await getSessionTokenUnaudited(deps, caller, input);
    await recordStsEvent(deps.prisma, {
      eventName: 'GetSessionToken',
      caller,
      resourceArn: null,
      issuedSessionId: credentials.accessKeyId,
    });
    return credentials;
  } catch (error) {
    if (hasErrorCode(error)) {
      await recordStsEvent(deps.prisma, {
        eventName: 'GetSessionToken',
        caller,
        resourceArn: null,
        errorCode: error.extensions.code,
        errorMessage: error.message,
      });
    }
    throw error;
  }
}
