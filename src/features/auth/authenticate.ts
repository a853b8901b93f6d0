import { createHash, timingSafeEqual } from 'node:crypto';
import { parsePrincipal } from '../../iam/index.js';
import { createAuthError } from './authErrors.js';
import type { Caller } from './Caller.js';
import type { CredentialStore, StoredSession } from './CredentialStore.js';
import { isAccessKeyId } from './isAccessKeyId.js';
import { parseBasicAuth } from './parseBasicAuth.js';
import { isPresignedUrl, parsePresignedQuery } from './parsePresignedQuery.js';
import { parseSigV4Authorization, SIGV4_ALGORITHM } from './parseSigV4Authorization.js';
import { hashSessionToken } from './secretCipher.js';
import { verifyPresignedSigV4 } from './verifyPresignedSigV4.js';
import { readHeader, verifySigV4, type AuthRequest } from './verifySigV4.js';

/** The header temporary credentials carry their session token in. */
export const SESSION_TOKEN_HEADER = 'x-amz-security-token';

interface ResolvedCredential {
  caller: Caller;
  secretAccessKey: string;
}

/** Compares two strings in constant time (hashing first so lengths leak nothing). */
function equalSecrets(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function callerOfSession(session: StoredSession, accessKeyId: string): Caller {
  const type =
    session.roleId !== null
      ? 'assumedRole'
      : parsePrincipal(session.arn)?.kind === 'federatedUser'
        ? 'federatedUser'
        : session.userId !== null
          ? 'user'
          : 'root';
  const { accountId, arn, principalUserId, userId, tokenHash: _hash, secretAccessKey: _secret, ...details } = session;
  return { type, arn, accountId, userId: principalUserId, iamUserId: userId, accessKeyId, session: details };
}

async function resolveCredential(
  store: CredentialStore,
  accessKeyId: string,
  sessionToken: string | undefined,
  now: Date,
): Promise<ResolvedCredential> {
  if (!isAccessKeyId(accessKeyId)) throw createAuthError('InvalidClientTokenId');
  const operator = store.operator;
  if (operator !== null && operator.accessKeyId === accessKeyId) {
    if (sessionToken !== undefined) {
      throw createAuthError('InvalidClientTokenId');
    }
    return {
      caller: {
        type: 'operator',
        arn: operator.arn,
        accountId: operator.accountId,
        userId: operator.accountId,
        iamUserId: null,
        accessKeyId,
        session: null,
      },
      secretAccessKey: operator.secretAccessKey,
    };
  }
  if (accessKeyId.startsWith('ASIA')) {
    const session = await store.findSession(accessKeyId);
    if (
      session === null ||
      sessionToken === undefined ||
      !equalSecrets(hashSessionToken(sessionToken), session.tokenHash)
    ) {
      throw createAuthError('InvalidClientTokenId');
    }
    if (now.getTime() >= session.expiresAt.getTime()) {
      throw createAuthError('ExpiredToken');
    }
    return { caller: callerOfSession(session, accessKeyId), secretAccessKey: session.secretAccessKey };
  }
  // A session token only belongs with temporary credentials.
  const key = sessionToken === undefined ? await store.findAccessKey(accessKeyId) : null;
  if (key === null || key.status !== 'Active') {
    throw createAuthError('InvalidClientTokenId');
  }
  return {
    caller: {
      type: key.userId === null ? 'root' : 'user',
      arn: key.principalArn,
      accountId: key.accountId,
      userId: key.userId ?? key.accountId,
      iamUserId: key.userId,
      accessKeyId,
      session: null,
    },
    secretAccessKey: key.secretAccessKey,
  };
}

/**
 * Authenticates a request signed with SigV4 (in the Authorization header, or in the query string of a presigned
 * URL) or HTTP Basic (access key id and secret, plus `X-Amz-Security-Token` for temporary credentials) and
 * returns its caller. Failures throw a
 * GraphQLError with AWS's code: MissingAuthenticationToken, InvalidClientTokenId, ExpiredToken,
 * SignatureDoesNotMatch or IncompleteSignature. Order follows AWS: the key and token are checked
 * before the signature, so an expired session reports ExpiredToken whatever it signed.
 */
export async function authenticate(
  request: AuthRequest,
  store: CredentialStore,
  now: Date = new Date(),
): Promise<Caller> {
  const authorization = readHeader(request, 'authorization')?.trim();
  const sessionToken = readHeader(request, SESSION_TOKEN_HEADER) || undefined;
  if ((authorization === undefined || authorization === '') && isPresignedUrl(request.url)) {
    const auth = parsePresignedQuery(request.url);
    const resolved = await resolveCredential(store, auth.accessKeyId, auth.sessionToken, now);
    await verifyPresignedSigV4(
      request,
      auth,
      { accessKeyId: auth.accessKeyId, secretAccessKey: resolved.secretAccessKey },
      now,
    );
    return resolved.caller;
  }
  if (authorization === undefined || authorization === '') {
    throw createAuthError('MissingAuthenticationToken');
  }
  if (authorization.startsWith(SIGV4_ALGORITHM)) {
    const auth = parseSigV4Authorization(authorization);
    const resolved = await resolveCredential(store, auth.accessKeyId, sessionToken, now);
    await verifySigV4(
      request,
      auth,
      { accessKeyId: auth.accessKeyId, secretAccessKey: resolved.secretAccessKey, sessionToken },
      now,
    );
    return resolved.caller;
  }
  const basic = parseBasicAuth(authorization);
  if (basic === null) {
    throw createAuthError('MissingAuthenticationToken');
  }
  if (basic === 'malformed') {
    throw createAuthError(
      'IncompleteSignature',
      'Basic credentials must be access key id and secret separated by a colon',
    );
  }
  const resolved = await resolveCredential(store, basic.accessKeyId, sessionToken, now);
  if (!equalSecrets(basic.secretAccessKey, resolved.secretAccessKey)) {
    throw createAuthError('SignatureDoesNotMatch');
  }
  return resolved.caller;
}
