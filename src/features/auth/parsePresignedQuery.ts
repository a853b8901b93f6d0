import { createAuthError } from './authErrors.js';
import { SIGV4_ALGORITHM, type SigV4Authorization } from './parseSigV4Authorization.js';

/** The SigV4 fields of a presigned URL (query-string authentication). */
export interface PresignedAuthorization extends SigV4Authorization {
  /** `X-Amz-Date` as sent. */
  amzDate: string;
  /** `X-Amz-Expires`: seconds the URL stays valid after `amzDate`. */
  expiresSeconds: number;
  /** `X-Amz-Security-Token`, for temporary credentials. */
  sessionToken: string | undefined;
}

/** The query parameters a presigned URL carries its signature in; the signer adds them itself. */
export const PRESIGN_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
] as const;

/** The longest a presigned URL may stay valid, as SigV4 allows: seven days. */
export const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;

/** Whether a request URL carries query-string SigV4 authentication (`X-Amz-Algorithm` in the query). */
export function isPresignedUrl(url: string): boolean {
  return new URL(url, 'http://localhost').searchParams.has('X-Amz-Algorithm');
}

/**
 * Reads the SigV4 fields of a presigned URL. A missing or malformed field fails with AWS's
 * IncompleteSignature naming it, as AWS answers query-string authentication it cannot read.
 */
export function parsePresignedQuery(url: string): PresignedAuthorization {
  const query = new URL(url, 'http://localhost').searchParams;
  if (query.get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
    throw createAuthError('IncompleteSignature', `X-Amz-Algorithm only supports "${SIGV4_ALGORITHM}"`);
  }
  const missing = ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'].filter(
    (name) => !query.get(name),
  );
  if (missing.length > 0) {
    throw createAuthError(
      'IncompleteSignature',
      missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' '),
    );
  }
  const scope = (query.get('X-Amz-Credential') ?? '').split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request') {
    throw createAuthError(
      'IncompleteSignature',
      `Credential should be scoped to a valid region. Credential=${query.get('X-Amz-Credential')}`,
    );
  }
  const expires = query.get('X-Amz-Expires') ?? '';
  const expiresSeconds = /^\d{1,7}$/.test(expires) ? Number(expires) : Number.NaN;
  if (!(expiresSeconds >= 1 && expiresSeconds <= MAX_PRESIGNED_SECONDS)) {
    throw createAuthError(
      'IncompleteSignature',
      `X-Amz-Expires must be between 1 and ${MAX_PRESIGNED_SECONDS} seconds; got '${expires}'.`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';').map((name) => name.toLowerCase()),
    signature: query.get('X-Amz-Signature') ?? '',
    amzDate: query.get('X-Amz-Date') ?? '',
    expiresSeconds,
    sessionToken: query.get('X-Amz-Security-Token') || undefined,
  };
}
