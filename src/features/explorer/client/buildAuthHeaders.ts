import { hasCredentials, type ExplorerCredentials } from './explorerCredentials.js';

/**
 * The HTTP headers that carry explorer credentials, in the server's HTTP Basic scheme: the access key id as
 * user name, the secret as password, and the session token (temporary credentials only) in
 * `X-Amz-Security-Token`, the header AWS uses for it. Empty when there is nothing to send, so anonymous
 * requests (introspection on an open playground) stay anonymous.
 */
export function buildAuthHeaders(credentials: ExplorerCredentials): Record<string, string> {
  if (!hasCredentials(credentials)) return {};
  const headers: Record<string, string> = {
    Authorization: `Basic ${encodeBase64(`${credentials.accessKeyId.trim()}:${credentials.secretAccessKey}`)}`,
  };
  const token = credentials.sessionToken.trim();
  if (token !== '') headers['X-Amz-Security-Token'] = token;
  return headers;
}

/** Base64 of the UTF-8 bytes (RFC 7617), because `btoa` alone rejects characters above U+00FF. */
function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
