import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createAuthError } from './authErrors.js';
import { PRESIGN_PARAMETERS, type PresignedAuthorization } from './parsePresignedQuery.js';
import {
  checkScopeService,
  formatAmzDate,
  MAX_CLOCK_SKEW_MS,
  parseAmzDate,
  readHeader,
  splitUrl,
  type AuthRequest,
  type SigningCredentials,
} from './verifySigV4.js';

function checkPresignedDate(auth: PresignedAuthorization, now: Date): Date {
  const date = parseAmzDate(auth.amzDate);
  if (date === null)
    throw createAuthError('IncompleteSignature', `Date must be in ISO-8601 'basic format'. Got '${auth.amzDate}'.`);
  if (auth.scopeDate !== auth.amzDate.slice(0, 8)) {
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (date.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))}`,
    );
  }
  const expiresAt = new Date(date.getTime() + auth.expiresSeconds * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Signature expired: ${formatAmzDate(expiresAt)} is now earlier than ${formatAmzDate(now)}`,
    );
  }
  return date;
}

/**
 * Checks a presigned URL (SigV4 in the query string, as `SignatureV4.presign` and the AWS CLI's presigners
 * make it): its date and expiry, the service in its scope, and its signature, recomputed by
 * @smithy/signature-v4 over the same query, signed headers and body, compared in constant time. Failures throw
 * AWS's IncompleteSignature or SignatureDoesNotMatch.
 */
export async function verifyPresignedSigV4(
  request: AuthRequest,
  auth: PresignedAuthorization,
  credentials: SigningCredentials,
  now: Date,
): Promise<void> {
  const signingDate = checkPresignedDate(auth, now);
  checkScopeService(request, auth);
  if (!auth.signedHeaders.includes('host')) {
    throw createAuthError('SignatureDoesNotMatch', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = readHeader(request, name);
    if (value !== undefined) headers[name] = value;
  }
  const { path, query } = splitUrl(request.url);
  for (const name of PRESIGN_PARAMETERS) delete query[name];
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: auth.sessionToken,
    },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
  const presigned = await signer.presign(
    {
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: headers.host ?? '',
      path,
      query,
      headers,
      body,
    },
    {
      signingDate,
      expiresIn: auth.expiresSeconds,
      signableHeaders: new Set(auth.signedHeaders),
      unhoistableHeaders: new Set(Object.keys(headers)),
    },
  );
  const expected = Buffer.from(String(presigned.query?.['X-Amz-Signature'] ?? ''), 'utf8');
  const given = Buffer.from(auth.signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw createAuthError('SignatureDoesNotMatch');
}
