import { awsError } from '../../graphql/errors.js';

/**
 * The origin of the playground's built-in OIDC issuers. An issuer named `github` has the identifier
 * `https://oidc.iam-playground.local/github`; the server itself serves its discovery document and keys at
 * `/oidc/github/.well-known/openid-configuration` and `/oidc/github/.well-known/jwks`. The identifier is
 * fixed rather than the server's own address, so tokens and providers stay valid whatever host or port the
 * playground runs on (nothing fetches the identifier: the playground reads the keys from its own store).
 */
export const BUILT_IN_ISSUER_ORIGIN = 'https://oidc.iam-playground.local';

/** Issuer names: 1–64 lower-case letters, digits and hyphens, so they fit a URL path segment as they are. */
const ISSUER_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The issuer identifier (`iss`) of a built-in issuer. */
export function builtInIssuerUrl(name: string): string {
  return `${BUILT_IN_ISSUER_ORIGIN}/${name}`;
}

/** The built-in issuer an identifier names, or null when it is not one of the playground's. */
export function builtInIssuerName(issuer: string): string | null {
  if (!issuer.startsWith(`${BUILT_IN_ISSUER_ORIGIN}/`)) return null;
  const name = issuer.slice(BUILT_IN_ISSUER_ORIGIN.length + 1);
  return ISSUER_NAME.test(name) ? name : null;
}

/** Throws ValidationError unless `name` is a valid issuer name. */
export function checkIssuerName(name: string): void {
  if (!ISSUER_NAME.test(name)) {
    throw awsError(
      'ValidationError',
      `Issuer name \`${name}\` must be 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.`,
    );
  }
}
