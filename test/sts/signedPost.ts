import type { TestKey } from './arrangeIam.js';

/** HTTP Basic headers for a key pair, with the session token header for temporary credentials. */
export function basicHeaders(key: TestKey): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${key.accessKeyId}:${key.secretAccessKey}`).toString('base64')}`,
    ...(key.sessionToken ? { 'x-amz-security-token': key.sessionToken } : {}),
  };
}
