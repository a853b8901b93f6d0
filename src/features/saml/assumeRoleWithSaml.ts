import { createHash } from 'node:crypto';
import type { Context } from '../../context.js';
import { awsError, hasErrorCode } from '../../graphql/errors.js';
import {
  buildAssumeRoleContext,
  planAssumeRoleSession,
  readSamlAttributes,
  validateAssumeRoleRequest,
} from '../../iam/index.js';
import { recordAuditEvent } from '../audit/recordAuditEvent.js';
import { decideFederatedTrust } from '../federation/decideFederatedTrust.js';
import { checkSessionPolicies } from '../sessions/stsAssumeRole.js';
import type { IssuedCredentials } from '../sessions/stsIssueSession.js';
import { issueFederatedSession } from '../federation/issueFederatedSession.js';
import { verifySamlResponse } from './verifySamlResponse.js';

/** The parameters of AWS's AssumeRoleWithSAML, camelCase. */
export interface AssumeRoleWithSamlArgs {
  roleArn: string;
  principalArn: string;
  sAMLAssertion: string;
  durationSeconds?: number | null;
  policy?: string | null;
  policyArns?: readonly string[] | null;
}

/** AssumeRoleWithSAML's response fields. */
export interface AssumeRoleWithSamlResult {
  credentials: IssuedCredentials;
  assumedRoleUser: { arn: string; assumedRoleId: string };
  packedPolicySize: number;
  subject: string;
  subjectType: string;
  issuer: string;
  audience: string;
  nameQualifier: string;
  sourceIdentity: string | null;
}

/** AWS's NameQualifier: BASE64(SHA1(Issuer + AccountId + "/" + provider name)), with Subject a unique user. */
export function samlNameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`).digest('base64');
}

async function unaudited(
  context: Context,
  args: AssumeRoleWithSamlArgs,
  now: Date,
): Promise<AssumeRoleWithSamlResult & { sessionId: string }> {
  const invalid = validateAssumeRoleRequest({
    roleArn: args.roleArn,
    roleSessionName: 'saml-session',
    durationSeconds: args.durationSeconds,
    policy: args.policy,
    policyArns: args.policyArns,
  });
  if (invalid !== null) throw awsError(invalid.code, invalid.message);
  if (args.principalArn.length < 20 || args.principalArn.length > 2048)
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value '${args.principalArn}' at 'principalArn' failed to satisfy constraint: Member must have length between 20 and 2048`,
    );
  if (args.sAMLAssertion.length < 4 || args.sAMLAssertion.length > 100_000)
    throw awsError(
      'ValidationError',
      "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'sAMLAssertion' failed to satisfy constraint: Member must have length between 4 and 100000",
    );
  const prisma = context.database.prisma;
  const [role, provider] = await Promise.all([
    prisma.role.findUnique({ where: { arn: args.roleArn }, include: { tags: true } }),
    prisma.samlProvider.findUnique({ where: { arn: args.principalArn } }),
  ]);
  if (role === null) throw awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
  if (provider === null || provider.accountId !== role.accountId)
    throw awsError('InvalidIdentityToken', `SAML Provider ${args.principalArn} was not found in the role's account`);
  const verified = verifySamlResponse(args.sAMLAssertion, provider, now);
  if (!verified.ok) throw awsError(verified.error.code, verified.error.message);
  const facts = verified.value;
  const nameQualifier = samlNameQualifier(facts.issuer, provider.accountId, provider.name);
  const claims = readSamlAttributes(
    facts,
    { arn: provider.arn, accountId: provider.accountId, name: provider.name },
    { roleArn: role.arn },
    nameQualifier,
  );
  if (!claims.ok) throw awsError(claims.error.code, claims.error.message);

  // The assertion's SessionDuration applies unless the API call asks for less (AWS: calls can only shorten it).
  const asserted = claims.value.sessionDuration;
  const durationSeconds =
    args.durationSeconds != null && asserted !== null
      ? Math.min(args.durationSeconds, asserted)
      : (args.durationSeconds ?? asserted);
  const request = {
    roleArn: role.arn,
    roleSessionName: claims.value.roleSessionName,
    durationSeconds,
    policy: args.policy,
    policyArns: args.policyArns,
    sourceIdentity: claims.value.sourceIdentity,
    tags: claims.value.tags,
    transitiveTagKeys: claims.value.transitiveTagKeys,
  };
  const plan = planAssumeRoleSession(request, role, null);
  if (!plan.ok) throw awsError(plan.error.code, plan.error.message);
  await checkSessionPolicies(prisma, request, role.accountId);
  const actions = [
    'sts:AssumeRoleWithSAML',
    ...(plan.value.requiresTagSession ? ['sts:TagSession'] : []),
    ...(plan.value.requiresSetSourceIdentity ? ['sts:SetSourceIdentity'] : []),
  ];
  const entries = [
    ...buildAssumeRoleContext(
      { ...request, sourceIdentity: plan.value.sourceIdentity, tags: plan.value.tags },
      { authenticatedAt: null, temporaryCredentials: false },
      now,
    ),
    ...claims.value.context,
  ];
  await decideFederatedTrust(prisma, role, provider.arn, actions, entries, now);

  const sessionName = claims.value.roleSessionName;
  const { credentials, arn, assumedRoleId } = await issueFederatedSession(prisma, context.cipher, {
    role,
    providerArn: provider.arn,
    sessionName: sessionName,
    plan: plan.value,
    policy: args.policy,
    policyArns: args.policyArns,
    now,
  });
  return {
    credentials,
    assumedRoleUser: { arn, assumedRoleId },
    packedPolicySize: plan.value.packedPolicySize,
    subject: facts.nameId,
    subjectType: claims.value.subjectType,
    issuer: facts.issuer,
    audience: facts.recipient,
    nameQualifier,
    sourceIdentity: plan.value.sourceIdentity,
    sessionId: credentials.accessKeyId,
  };
}

/**
 * AWS's AssumeRoleWithSAML, an unsigned call: the signed assertion is the proof. The SAML provider
 * (`principalArn`) must be in the role's account; the assertion is verified against its metadata (signature,
 * Issuer, Recipient, NotOnOrAfter, Audience), its Role attribute must pair the role with the provider, and the
 * trust policy must allow `sts:AssumeRoleWithSAML` (plus sts:TagSession / sts:SetSourceIdentity) with the
 * `saml:*` keys. The session lasts the assertion's SessionDuration, shortened by DurationSeconds, within the
 * role's maximum. Audited with a SAMLUser identity (the NameID, as CloudTrail records it).
 */
export async function assumeRoleWithSaml(
  context: Context,
  args: AssumeRoleWithSamlArgs,
  now: Date = new Date(),
): Promise<AssumeRoleWithSamlResult> {
  const accountId = /^\d{12}$/.test(args.roleArn.split(':')[4] ?? '') ? args.roleArn.split(':')[4]! : null;
  try {
    const { sessionId, ...result } = await unaudited(context, args, now);
    await recordAuditEvent(context.database.prisma, context.caller, {
      eventName: 'AssumeRoleWithSAML',
      decision: 'Allow',
      accountId,
      action: 'sts:AssumeRoleWithSAML',
      resourceArn: args.roleArn,
      detail: {
        userIdentity: {
          type: 'SAMLUser',
          userName: result.subject,
          principalId: `${result.nameQualifier}:${result.subject}`,
          identityProvider: args.principalArn,
        },
        issuedSessionId: sessionId,
      },
    });
    return result;
  } catch (error) {
    if (hasErrorCode(error)) {
      await recordAuditEvent(context.database.prisma, context.caller, {
        eventName: 'AssumeRoleWithSAML',
        decision: error.extensions.code === 'AccessDenied' ? 'Deny' : 'Error',
        accountId,
        action: 'sts:AssumeRoleWithSAML',
        resourceArn: args.roleArn,
        errorCode: error.extensions.code,
        errorMessage: error.message,
        detail: { userIdentity: { type: 'SAMLUser', identityProvider: args.principalArn } },
      });
    }
    throw error;
  }
}
