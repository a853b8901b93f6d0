/** IAM's limits on OIDC identity providers (IAM API reference, CreateOpenIDConnectProvider; IAM quotas). */
export const OIDC_LIMITS = {
  maxUrlLength: 255,
  maxClientIds: 100,
  maxClientIdLength: 255,
  maxThumbprints: 5,
  thumbprintLength: 40,
  maxProvidersPerAccount: 100,
} as const;

/** A rejected OIDC provider request: IAM's code and message. */
export interface OidcProviderError {
  code: 'InvalidInput' | 'LimitExceeded';
  message: string;
}

/**
 * The provider's key, as IAM stores and reports it: the issuer URL without `https://` (`host/path`). IAM
 * requires https, at most 255 characters, and a host; the URL is case-sensitive and not normalised, so a
 * trailing slash makes a different provider. Returns the key, or InvalidInput.
 */
export function parseOidcProviderUrl(url: string): { ok: true; key: string } | { ok: false; error: OidcProviderError } {
  const fail = (message: string) => ({ ok: false as const, error: { code: 'InvalidInput' as const, message } });
  if (url.length < 1 || url.length > OIDC_LIMITS.maxUrlLength)
    return fail(`Url must be 1 to ${OIDC_LIMITS.maxUrlLength} characters long.`);
  if (!url.startsWith('https://')) return fail('Url must begin with https://');
  const key = url.slice('https://'.length);
  if (!/^[a-zA-Z0-9.-]+(:\d+)?(\/[\x21-\x7e]*)?$/.test(key) || key.startsWith('.')) return fail(`Invalid Url ${url}.`);
  if (/[?#]/.test(key)) return fail('Url must not contain a query string or fragment.');
  return { ok: true, key };
}

/** The provider's ARN: `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`. */
export function formatOidcProviderArn(accountId: string, key: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${key}`;
}

/** The provider key an `oidc-provider` ARN names, or null when the ARN is not one. */
export function oidcProviderKeyOf(arn: string): { accountId: string; key: string } | null {
  const match = /^arn:aws:iam::(\d{12}):oidc-provider\/(.+)$/.exec(arn);
  return match === null ? null : { accountId: match[1]!, key: match[2]! };
}

/** Checks a client id list (audiences): 1–255 characters each, at most 100. */
export function checkClientIds(clientIds: readonly string[]): OidcProviderError | null {
  for (const id of clientIds) {
    if (id.length < 1 || id.length > OIDC_LIMITS.maxClientIdLength) {
      return {
        code: 'InvalidInput',
        message: `ClientID must be 1 to ${OIDC_LIMITS.maxClientIdLength} characters long.`,
      };
    }
  }
  if (new Set(clientIds).size > OIDC_LIMITS.maxClientIds) {
    return {
      code: 'LimitExceeded',
      message: `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${OIDC_LIMITS.maxClientIds}`,
    };
  }
  return null;
}

/** Checks a thumbprint list: at most five, each 40 hexadecimal digits (a SHA-1 of the CA certificate). */
export function checkThumbprints(thumbprints: readonly string[]): OidcProviderError | null {
  if (thumbprints.length > OIDC_LIMITS.maxThumbprints) {
    return {
      code: 'InvalidInput',
      message: `Thumbprint list must contain fewer than ${OIDC_LIMITS.maxThumbprints + 1} entries.`,
    };
  }
  for (const thumbprint of thumbprints) {
    if (!/^[0-9a-fA-F]{40}$/.test(thumbprint)) {
      return {
        code: 'InvalidInput',
        message: `Thumbprint ${thumbprint} must be ${OIDC_LIMITS.thumbprintLength} hexadecimal characters.`,
      };
    }
  }
  return null;
}
