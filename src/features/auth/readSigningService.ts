import { readHeader, type AuthRequest } from './verifySigV4.js';

/**
 * The service a SigV4 request is signed for, read from the credential scope of its Authorization header or of
 * its presigned query (`…/20260101/us-east-1/iam/aws4_request`); null when the request is not SigV4-signed.
 * The AWS endpoint at `/` routes by it, as AWS's own endpoints are one per service.
 */
export function readSigningService(request: Pick<AuthRequest, 'headers' | 'url'>): string | null {
  const header = readHeader(request as AuthRequest, 'authorization') ?? '';
  const scope =
    /Credential=([^,\s]+)/.exec(header)?.[1] ??
    new URL(request.url, 'http://localhost').searchParams.get('X-Amz-Credential');
  const parts = scope?.split('/') ?? [];
  return parts.length === 5 ? (parts[3] ?? null) : null;
}
