import type { Authenticate } from '../../context.js';
import type { Database } from '../../db/openDatabase.js';
import { isAuthError } from './authErrors.js';
import { authenticate, SESSION_TOKEN_HEADER } from './authenticate.js';
import type { OperatorCredential } from './CredentialStore.js';
import { getAuthorizationCaches } from '../cache/getAuthorizationCaches.js';
import { createCachedCredentialStore } from './createCachedCredentialStore.js';
import { isAccessKeyId } from './isAccessKeyId.js';
import { parseBasicAuth } from './parseBasicAuth.js';
import { isPresignedUrl } from './parsePresignedQuery.js';
import type { SecretCipher } from './secretCipher.js';
import type { RequestVersion } from '../cache/RequestVersion.js';
import { readHeader, type AuthRequest } from './verifySigV4.js';

/** What the authenticator needs from the composition root. */
export interface AuthenticatorOptions {
  cipher: SecretCipher;
  operator: OperatorCredential | null;
  /** The clock; tests move it to expire sessions. */
  now?: () => Date;
}

/** The access key id a failed request claimed, for the audit trail (never the secret). */
function claimedAccessKeyId(request: AuthRequest): string | null {
  const header = readHeader(request, 'authorization') ?? '';
  const presigned = new URL(request.url, 'http://localhost').searchParams.get('X-Amz-Credential');
  const sigv4 = /Credential=([^/,\s]+)\//.exec(header) ?? (presigned ? /^([^/]+)\//.exec(presigned) : null);
  const basic = sigv4 ? null : parseBasicAuth(header);
  const claimed = sigv4 ? sigv4[1] : basic !== null && basic !== 'malformed' ? basic.accessKeyId : undefined;
  return claimed !== undefined && isAccessKeyId(claimed) ? claimed : null;
}

/**
 * The `authenticate` seam of src/context.ts, over the database. A request with no Authorization header, no
 * session token and no presigned query at all is anonymous (null) so schema introspection and the explorer page work; every operation that needs
 * a caller then fails with MissingAuthenticationToken (see requireCaller in src/features/authorization). Every other failure is
 * written to the audit trail (event `Authenticate`, decision `Error`, as the audit feature names failures) and rethrown with AWS's code.
 * Credentials come from version-keyed caches (src/features/cache): a cached caller costs the request's version check only.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticate {
  return async (request: AuthRequest, database: Database, version: RequestVersion) => {
    const authorization = readHeader(request, 'authorization')?.trim();
    if (
      (authorization === undefined || authorization === '') &&
      readHeader(request, SESSION_TOKEN_HEADER) === undefined &&
      !isPresignedUrl(request.url)
    ) {
      return null;
    }
    const store = createCachedCredentialStore(
      database.pool,
      options.cipher,
      options.operator,
      getAuthorizationCaches(database.pool),
      version,
    );
    try {
      return await authenticate(request, store, options.now?.() ?? new Date());
    } catch (error) {
      if (isAuthError(error)) {
        await database.prisma.auditEvent.create({
          data: {
            eventName: 'Authenticate',
            decision: 'Error',
            accessKeyId: claimedAccessKeyId(request),
            errorCode: error.extensions.code,
            errorMessage: error.message,
            sourceIp: request.sourceIp ?? null,
          },
        });
      }
      throw error;
    }
  };
}
