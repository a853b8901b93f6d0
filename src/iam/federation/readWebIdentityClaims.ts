import type { ContextEntry } from '../simulationTypes.js';
import type { SessionTag } from '../sts/AssumeRoleRequest.js';
import { federationFail, type FederationResult } from './FederationError.js';

/** The claim AWS reads session tags from (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html). */
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
/** The claim AWS reads the source identity from. */
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

/** Registered claims that are checked, not offered as condition keys. */
const TIME_AND_ID_CLAIMS = new Set(['iss', 'exp', 'nbf', 'iat', 'jti', TAGS_CLAIM, SOURCE_IDENTITY_CLAIM]);

/** The provider a verified token belongs to. */
export interface WebIdentityProvider {
  arn: string;
  /** The issuer URL without `https://`: the prefix of the provider's condition keys. */
  key: string;
  clientIds: readonly string[];
}

/** What a verified token contributes to the session and to the trust policy's evaluation. */
export interface WebIdentityClaims {
  subject: string;
  /** The client id the token was issued to (AWS's `Audience` response field). */
  audience: string;
  tags: SessionTag[];
  transitiveTagKeys: string[];
  sourceIdentity: string | null;
  /** `aws:FederatedProvider` and the provider's keys (`<key>:aud`, `:sub`, `:amr`, ...). */
  context: ContextEntry[];
}

const asStrings = (value: unknown): string[] | null =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? (value as string[])
      : null;

/**
 * Reads a verified token's claims as STS does for AssumeRoleWithWebIdentity: `aud` must hold one of the
 * provider's client ids ("Incorrect token audience"), `sub` must be present; the session tags come from
 * `https://aws.amazon.com/tags` (`principal_tags`, `transitive_tag_keys`) and the source identity from
 * `https://aws.amazon.com/source_identity`. The condition keys follow AWS: `<provider>:aud` is `azp` when the
 * token has one (then `<provider>:oaud` is `aud`), `<provider>:sub`, `<provider>:amr` (multivalued), and
 * `aws:FederatedProvider` is the provider's ARN. Other string claims (GitHub's `repository`, `ref`,
 * `environment` ...) are offered as `<provider>:<claim>` too — a playground extension, see the README.
 */
export function readWebIdentityClaims(
  payload: Readonly<Record<string, unknown>>,
  provider: WebIdentityProvider,
): FederationResult<WebIdentityClaims> {
  const audiences = asStrings(payload.aud);
  if (audiences === null || audiences.length === 0)
    return federationFail('InvalidIdentityToken', 'Missing a required claim: aud');
  const audience = audiences.find((aud) => provider.clientIds.includes(aud));
  if (audience === undefined) return federationFail('InvalidIdentityToken', 'Incorrect token audience');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    return federationFail('InvalidIdentityToken', 'Missing a required claim: sub');
  const tags = readTagsClaim(payload[TAGS_CLAIM]);
  if (!tags.ok) return tags;
  const source = payload[SOURCE_IDENTITY_CLAIM];
  if (source !== undefined && typeof source !== 'string')
    return federationFail('InvalidIdentityToken', `The claim ${SOURCE_IDENTITY_CLAIM} must be a string`);

  const prefix = provider.key;
  const context: ContextEntry[] = [{ key: 'aws:FederatedProvider', values: [provider.arn], type: 'string' }];
  const azp = typeof payload.azp === 'string' ? payload.azp : null;
  context.push({ key: `${prefix}:aud`, values: [azp ?? audience], type: 'string' });
  if (azp !== null)
    context.push({ key: `${prefix}:oaud`, values: audiences, type: audiences.length > 1 ? 'stringList' : 'string' });
  context.push({ key: `${prefix}:sub`, values: [payload.sub], type: 'string' });
  const amr = asStrings(payload.amr);
  if (amr !== null) context.push({ key: `${prefix}:amr`, values: amr, type: 'stringList' });
  for (const [claim, value] of Object.entries(payload)) {
    if (TIME_AND_ID_CLAIMS.has(claim) || ['aud', 'azp', 'sub', 'amr'].includes(claim) || claim.includes(':')) continue;
    if (typeof value === 'string') context.push({ key: `${prefix}:${claim}`, values: [value], type: 'string' });
    else if (typeof value === 'number' || typeof value === 'boolean')
      context.push({ key: `${prefix}:${claim}`, values: [String(value)], type: 'string' });
  }
  return {
    ok: true,
    value: {
      subject: payload.sub,
      audience,
      tags: tags.value.tags,
      transitiveTagKeys: tags.value.transitiveTagKeys,
      sourceIdentity: typeof source === 'string' ? source : null,
      context,
    },
  };
}

/** Reads `{ principal_tags: { key: [value] }, transitive_tag_keys: [key] }`, AWS's session tag claim. */
function readTagsClaim(claim: unknown): FederationResult<{ tags: SessionTag[]; transitiveTagKeys: string[] }> {
  if (claim === undefined) return { ok: true, value: { tags: [], transitiveTagKeys: [] } };
  const invalid = federationFail<{ tags: SessionTag[]; transitiveTagKeys: string[] }>(
    'InvalidIdentityToken',
    `The claim ${TAGS_CLAIM} is not valid: expected principal_tags with one value per key and transitive_tag_keys`,
  );
  if (claim === null || typeof claim !== 'object' || Array.isArray(claim)) return invalid;
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as Record<string, unknown>;
  const tags: SessionTag[] = [];
  if (principalTags !== undefined) {
    if (principalTags === null || typeof principalTags !== 'object' || Array.isArray(principalTags)) return invalid;
    for (const [key, value] of Object.entries(principalTags)) {
      const values = asStrings(value);
      if (values === null || values.length !== 1) return invalid;
      tags.push({ key, value: values[0]! });
    }
  }
  const transitiveTagKeys = transitive === undefined ? [] : asStrings(transitive);
  if (transitiveTagKeys === null) return invalid;
  return { ok: true, value: { tags, transitiveTagKeys } };
}
