/** Credentials sent with HTTP Basic: access key id as user name, secret as password. */
export interface BasicCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Reads an `Authorization: Basic …` header. Returns null when the header is not Basic (so SigV4 can be
 * tried) and `'malformed'` when it is Basic but not `user:password` in base64.
 */
export function parseBasicAuth(header: string | undefined): BasicCredentials | 'malformed' | null {
  if (header === undefined) {
    return null;
  }
  const match = /^Basic\s+(\S*)\s*$/i.exec(header);
  if (match === null) {
    return null;
  }
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    return 'malformed';
  }
  return { accessKeyId: decoded.slice(0, colon), secretAccessKey: decoded.slice(colon + 1) };
}
