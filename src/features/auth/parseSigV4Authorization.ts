import { createAuthError } from './authErrors.js';

/** The parts of an `AWS4-HMAC-SHA256` Authorization header. */
export interface SigV4Authorization {
  accessKeyId: string;
  /** `YYYYMMDD` from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Lower-case header names, in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
}

/** The scheme SigV4 requests name in their Authorization header. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Parses a SigV4 Authorization header. Missing or malformed parts fail with IncompleteSignature, as
 * AWS answers, naming what is missing and echoing the header.
 */
export function parseSigV4Authorization(header: string): SigV4Authorization {
  const rest = header.slice(SIGV4_ALGORITHM.length).trim();
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    const parts = missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ');
    throw createAuthError('IncompleteSignature', `${parts} Authorization=${header}`);
  }
  const credential = fields.get('Credential') ?? '';
  const scope = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request') {
    throw createAuthError(
      'IncompleteSignature',
      `Credential should be scoped to a valid region. Authorization=${header}`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';').map((name) => name.toLowerCase()),
    signature: fields.get('Signature') ?? '',
  };
}
