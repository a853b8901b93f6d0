import { SignJWT } from 'jose';
import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { requireCaller } from '../authorization/authorize.js';
import { builtInIssuerUrl, checkIssuerName } from './builtInIssuer.js';
import { ISSUER_ALGORITHM, loadIssuerKeys } from './oidcIssuerKeys.js';

/** The arguments of mintOidcToken. */
export interface MintOidcTokenArgs {
  issuer: string;
  subject: string;
  audience: readonly string[];
  /** More claims, a JSON object (e.g. GitHub's `repository`, `ref`, or `https://aws.amazon.com/tags`). */
  claims?: string | null;
  issuedAt?: Date | null;
  notBefore?: Date | null;
  expiresAt?: Date | null;
}

/** A minted token and what it says. */
export interface MintedToken {
  token: string;
  issuer: string;
  claims: string;
  expiresAt: Date;
}

/** Claims the mutation's own arguments own; `claims` may not set them. */
const RESERVED = ['iss', 'sub', 'aud', 'iat', 'nbf', 'exp'];

function readExtraClaims(json: string | null | undefined): Record<string, unknown> {
  if (json === null || json === undefined || json.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw awsError('ValidationError', '`claims` must be a JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw awsError('ValidationError', '`claims` must be a JSON object');
  const reserved = Object.keys(parsed).find((key) => RESERVED.includes(key));
  if (reserved !== undefined)
    throw awsError('ValidationError', `\`claims\` must not set \`${reserved}\`: use the mutation's own argument`);
  return parsed as Record<string, unknown>;
}

/**
 * Mints an ID token from a built-in OIDC issuer, as an identity provider would hand one to a workload (a
 * GitHub Actions job, a Kubernetes service account ...): RS256-signed with the issuer's key (created on first
 * use), with the chosen `sub`, `aud` and claims. `iat` defaults to now and `exp` to an hour later; both may be
 * set, so a learner can mint an expired or not-yet-valid token and watch STS refuse it. Any signed-in caller
 * may mint: the identity provider is outside AWS, so no IAM action governs it.
 */
export async function mintOidcToken(
  context: Context,
  args: MintOidcTokenArgs,
  now: Date = new Date(),
): Promise<MintedToken> {
  requireCaller(context);
  checkIssuerName(args.issuer);
  if (args.subject.length < 1 || args.subject.length > 255)
    throw awsError('ValidationError', '`subject` must be 1 to 255 characters long');
  if (args.audience.length < 1 || args.audience.some((aud) => aud.length < 1 || aud.length > 255)) {
    throw awsError('ValidationError', '`audience` must hold 1 or more values of 1 to 255 characters');
  }
  const extra = readExtraClaims(args.claims);
  const issuedAt = args.issuedAt ?? now;
  const expiresAt = args.expiresAt ?? new Date(issuedAt.getTime() + 3600_000);
  const keys = await loadIssuerKeys(context.database.prisma, context.cipher, args.issuer);
  const issuer = builtInIssuerUrl(args.issuer);
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const payload: Record<string, unknown> = {
    ...extra,
    iss: issuer,
    sub: args.subject,
    aud: args.audience.length === 1 ? args.audience[0] : [...args.audience],
    iat: seconds(issuedAt),
    ...(args.notBefore ? { nbf: seconds(args.notBefore) } : {}),
    exp: seconds(expiresAt),
  };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: ISSUER_ALGORITHM, kid: keys.keyId, typ: 'JWT' })
    .sign(keys.privateKey);
  return { token, issuer, claims: JSON.stringify(payload), expiresAt: new Date(seconds(expiresAt) * 1000) };
}
