import { decodeJwt, type JSONWebKeySet } from 'jose';
import type { Context } from '../../context.js';
import { awsError, hasErrorCode } from '../../graphql/errors.js';
import {
  buildAssumeRoleContext,
  planAssumeRoleSession,
  readWebIdentityClaims,
  validateAssumeRoleRequest,
  type ContextEntry,
} from '../../iam/index.js';
import { recordAuditEvent } from '../audit/recordAuditEvent.js';
import { checkSessionPolicies } from '../sessions/stsAssumeRole.js';
import type { IssuedCredentials } from '../sessions/stsIssueSession.js';
import { issueFederatedSession } from './issueFederatedSession.js';
import { builtInIssuerName } from './builtInIssuer.js';
import { decideFederatedTrust } from './decideFederatedTrust.js';
import { findIssuerPublicJwk } from './oidcIssuerKeys.js';
import { TOKEN_NOT_VALIDATED, verifyWebIdentityToken } from './verifyWebIdentityToken.js';

/** The parameters of AWS's AssumeRoleWithWebIdentity, camelCase. */
export interface AssumeRoleWithWebIdentityArgs {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds?: number | null;
  policy?: string | null;
  policyArns?: readonly string[] | null;
  providerId?: string | null;
}

/** AssumeRoleWithWebIdentity's response fields. */
export interface AssumeRoleWithWebIdentityResult {
  credentials: IssuedCredentials;
  subjectFromWebIdentityToken: string;
  assumedRoleUser: { arn: string; assumedRoleId: string };
  packedPolicySize: number;
  provider: string;
  audience: string;
  sourceIdentity: string | null;
}

const denied = (action: string) => awsError('AccessDenied', `Not authorized to perform ${action}`);

function checkToken(token: string): void {
  if (token.length < 4 || token.length > 20000) {
    const constraint =
      token.length < 4 ? 'have length greater than or equal to 4' : 'have length less than or equal to 20000';
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'webIdentityToken' failed to satisfy constraint: Member must ${constraint}`,
    );
  }
}

/** The issuer a token claims, read before its signature is checked (it says which keys to check with). */
function readIssuer(token: string): string {
  try {
    const iss = decodeJwt(token).iss;
    if (typeof iss === 'string' && iss.length > 0) return iss;
  } catch {
    throw awsError('InvalidIdentityToken', TOKEN_NOT_VALIDATED);
  }
  throw awsError('InvalidIdentityToken', 'Missing a required claim: iss');
}

async function unaudited(
  context: Context,
  args: AssumeRoleWithWebIdentityArgs,
  now: Date,
): Promise<AssumeRoleWithWebIdentityResult & { sessionId: string; providerArn: string }> {
  const invalid = validateAssumeRoleRequest({
    roleArn: args.roleArn,
    roleSessionName: args.roleSessionName,
    durationSeconds: args.durationSeconds,
    policy: args.policy,
    policyArns: args.policyArns,
  });
  if (invalid !== null) throw awsError(invalid.code, invalid.message);
  checkToken(args.webIdentityToken);
  if (args.providerId)
    throw awsError(
      'ValidationError',
      'ProviderId is only for OAuth 2.0 access tokens (www.amazon.com, graph.facebook.com), which the playground does not model.',
    );
  const prisma = context.database.prisma;
  const issuer = readIssuer(args.webIdentityToken);
  const role = await prisma.role.findUnique({ where: { arn: args.roleArn }, include: { tags: true } });
  if (role === null) throw denied('sts:AssumeRoleWithWebIdentity');
  const key = issuer.startsWith('https://') ? issuer.slice('https://'.length) : issuer;
  const provider = await prisma.oidcProvider.findFirst({ where: { accountId: role.accountId, url: key } });
  if (provider === null)
    throw awsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${issuer}`);

  const builtIn = builtInIssuerName(issuer);
  const builtInJwk = provider.jwks === null && builtIn !== null ? await findIssuerPublicJwk(prisma, builtIn) : null;
  const keys = (provider.jwks as JSONWebKeySet | null) ?? (builtInJwk === null ? null : { keys: [builtInJwk] });
  if (keys === null)
    throw awsError(
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
  const verified = await verifyWebIdentityToken(args.webIdentityToken, keys, now);
  if (!verified.ok) throw awsError(verified.error.code, verified.error.message);
  const claims = readWebIdentityClaims(verified.value as Record<string, unknown>, {
    arn: provider.arn,
    key: provider.url,
    clientIds: provider.clientIds,
  });
  if (!claims.ok) throw awsError(claims.error.code, claims.error.message);

  const request = {
    roleArn: args.roleArn,
    roleSessionName: args.roleSessionName,
    durationSeconds: args.durationSeconds,
    policy: args.policy,
    policyArns: args.policyArns,
    sourceIdentity: claims.value.sourceIdentity,
    tags: claims.value.tags,
    transitiveTagKeys: claims.value.transitiveTagKeys,
  };
  const plan = planAssumeRoleSession(request, role, null);
  if (!plan.ok) throw awsError(plan.error.code, plan.error.message);
  await checkSessionPolicies(prisma, request, role.accountId);

  const entries: ContextEntry[] = [
    ...buildAssumeRoleContext(
      { ...request, sourceIdentity: plan.value.sourceIdentity, tags: plan.value.tags },
      { authenticatedAt: null, temporaryCredentials: false },
      now,
    ),
    ...claims.value.context,
  ];
  const actions = [
    'sts:AssumeRoleWithWebIdentity',
    ...(plan.value.requiresTagSession ? ['sts:TagSession'] : []),
    ...(plan.value.requiresSetSourceIdentity ? ['sts:SetSourceIdentity'] : []),
  ];
  await decideFederatedTrust(prisma, role, provider.arn, actions, entries, now);

  const { credentials, arn, assumedRoleId } = await issueFederatedSession(prisma, context.cipher, {
    role,
    providerArn: provider.arn,
    sessionName: args.roleSessionName,
    plan: plan.value,
    policy: args.policy,
    policyArns: args.policyArns,
    now,
  });
  return {
    credentials,
    subjectFromWebIdentityToken: claims.value.subject,
    assumedRoleUser: { arn, assumedRoleId },
    packedPolicySize: plan.value.packedPolicySize,
    provider: issuer,
    audience: claims.value.audience,
    sourceIdentity: plan.value.sourceIdentity,
    sessionId: credentials.accessKeyId,
    providerArn: provider.arn,
  };
}

/**
 * AWS's AssumeRoleWithWebIdentity, an unsigned call: the token is the proof. In order: parameters; the token's
 * issuer must be an OIDC provider registered in the role's account ("No OpenIDConnect provider found in your
 * account for …"); its signature is checked with the provider's `jwks` or, for a built-in issuer, the
 * playground's own key (forged, unsigned and HMAC tokens are refused); `exp` (ExpiredTokenException), `nbf`,
 * `iat`; `aud` must be a client id ("Incorrect token audience"); then the role's trust policy must allow
 * `sts:AssumeRoleWithWebIdentity` for `Principal.Federated` = the provider, with the provider's condition keys
 * (`<provider>:aud`, `:sub`, `:amr` …) and `aws:FederatedProvider`, plus `sts:TagSession` for tags from the
 * `https://aws.amazon.com/tags` claim and `sts:SetSourceIdentity` for a source identity. The session is a
 * role session that remembers its provider. Every call is audited, with a CloudTrail-like WebIdentityUser
 * identity.
 */
export async function assumeRoleWithWebIdentity(
  context: Context,
  args: AssumeRoleWithWebIdentityArgs,
  now: Date = new Date(),
): Promise<AssumeRoleWithWebIdentityResult> {
  const identity = (subject: string | null, provider: string | null) => ({
    type: 'WebIdentityUser',
    userName: subject,
    identityProvider: provider,
  });
  try {
    const { sessionId, providerArn, ...result } = await unaudited(context, args, now);
    await recordAuditEvent(context.database.prisma, context.caller, {
      eventName: 'AssumeRoleWithWebIdentity',
      decision: 'Allow',
      accountId: args.roleArn.split(':')[4] ?? null,
      action: 'sts:AssumeRoleWithWebIdentity',
      resourceArn: args.roleArn,
      detail: {
        userIdentity: identity(result.subjectFromWebIdentityToken, providerArn),
        issuedSessionId: sessionId,
        roleSessionName: args.roleSessionName,
        audience: result.audience,
      },
    });
    return result;
  } catch (error) {
    if (hasErrorCode(error)) {
      await recordAuditEvent(context.database.prisma, context.caller, {
        eventName: 'AssumeRoleWithWebIdentity',
        decision: error.extensions.code === 'AccessDenied' ? 'Deny' : 'Error',
        accountId: /^\d{12}$/.test(args.roleArn.split(':')[4] ?? '') ? args.roleArn.split(':')[4] : null,
        action: 'sts:AssumeRoleWithWebIdentity',
        resourceArn: args.roleArn,
        errorCode: error.extensions.code,
        errorMessage: error.message,
        detail: { userIdentity: identity(null, null), roleSessionName: args.roleSessionName },
      });
    }
    throw error;
  }
}
