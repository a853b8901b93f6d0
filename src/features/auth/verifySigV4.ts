import { createHash, timingSafeEqual } from 'node:crypto';
import { NodeSha256 } from './NodeSha256.js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createAuthError } from './authErrors.js';
import type { SigV4Authorization } from './parseSigV4Authorization.js';

/** An incoming HTTP request as authentication sees it. Header names are lower case. */
export interface AuthRequest {
  method: string;
  /** Path and query as received, e.g. `/graphql?x=1`. */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body bytes; SigV4 signs their hash. */
  body: string | Uint8Array;
  /** The client's address, for audit events. */
  sourceIp?: string | null;
  /**
   * The SigV4 service name the endpoint answers as (`sts`, `iam`, `organizations`); the credential scope must
   * name it. Default {@link SIGV4_SERVICE}, AppSync's, for GraphQL.
   */
  service?: string | undefined;
}

/** The credentials to re-sign with. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** The service AppSync's IAM mode signs GraphQL requests for. */
export const SIGV4_SERVICE = 'appsync';

/** AWS rejects signatures dated more than 15 minutes from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Reads one header as a single string (repeated headers joined with commas, as HTTP says). */
export function readHeader(request: AuthRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Parses SigV4's `YYYYMMDDTHHMMSSZ`; null when the text is not that. */
export function parseAmzDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) {
    return null;
  }
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** Formats a date as SigV4's `YYYYMMDDTHHMMSSZ`. */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Checks that the credential scope names the service this endpoint answers as. */
export function checkScopeService(request: AuthRequest, auth: SigV4Authorization): void {
  const service = request.service ?? SIGV4_SERVICE;
  if (auth.service !== service) {
    throw createAuthError('SignatureDoesNotMatch', `Credential should be scoped to correct service: '${service}'.`);
  }
}

function checkDate(request: AuthRequest, auth: SigV4Authorization, now: Date): Date {
  const text = readHeader(request, 'x-amz-date');
  if (text === undefined || !auth.signedHeaders.includes('x-amz-date')) {
    throw createAuthError(
      'IncompleteSignature',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  const date = parseAmzDate(text);
  if (date === null) {
    throw createAuthError('IncompleteSignature', `Date must be in ISO-8601 'basic format'. Got '${text}'.`);
  }
  if (auth.scopeDate !== text.slice(0, 8)) {
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${text.slice(0, 8)}', from '${text}'.`,
    );
  }
  if (date.getTime() < now.getTime() - MAX_CLOCK_SKEW_MS) {
    const limit = formatAmzDate(new Date(now.getTime() - MAX_CLOCK_SKEW_MS));
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Signature expired: ${text} is now earlier than ${limit} (${formatAmzDate(now)} - 15 min.)`,
    );
  }
  if (date.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    const limit = formatAmzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS));
    throw createAuthError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${text} is still later than ${limit} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
  return date;
}

/** Splits a request URL into its decoded path and its query parameters (repeated ones as arrays). */
export function splitUrl(url: string): { path: string; query: Record<string, string | string[]> } {
  const parsed = new URL(url, 'http://localhost');
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of parsed.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { path: decodeURIComponent(parsed.pathname), query };
}

/**
 * Checks the date, scope and signature of a SigV4-signed request (the service the endpoint answers as —
 * `appsync` for GraphQL, `sts`/`iam`/`organizations` at `/` — any region). The request is re-signed with the stored secret by @smithy/signature-v4 — the signer the AWS SDKs
 * use — over exactly the headers the client signed, and the two signatures compared in constant time.
 * Failures throw AWS's IncompleteSignature or SignatureDoesNotMatch.
 */
export async function verifySigV4(
  request: AuthRequest,
  auth: SigV4Authorization,
  credentials: SigningCredentials,
  now: Date,
): Promise<void> {
  const signingDate = checkDate(request, auth, now);
  checkScopeService(request, auth);
  if (!auth.signedHeaders.includes('host')) {
    throw createAuthError('SignatureDoesNotMatch', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
  const declaredHash = readHeader(request, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(body).digest('hex')) {
    // smithy trusts this header as the payload hash, so a lie about the body must be caught here.
    throw createAuthError('SignatureDoesNotMatch');
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = readHeader(request, name);
    if (value !== undefined) {
      headers[name] = value;
    }
  }
  const { path, query } = splitUrl(request.url);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      // The signer adds the token header itself; only pass it when the client signed it too.
      sessionToken: auth.signedHeaders.includes('x-amz-security-token') ? credentials.sessionToken : undefined,
    },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: headers.host ?? '',
      path,
      query,
      headers,
      body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? ''))?.[1] ?? '';
  const given = Buffer.from(auth.signature, 'utf8');
  const computed = Buffer.from(expected, 'utf8');
  if (given.length !== computed.length || !timingSafeEqual(given, computed)) {
    throw createAuthError('SignatureDoesNotMatch');
  }
}
