import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { federationFail, type FederationResult } from '../../iam/index.js';

/** The JWS algorithms STS accepts for OIDC tokens (RSA and ECDSA); never `none` and never HMAC. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/** AWS's message when a token cannot be validated (the STS API model's text for InvalidIdentityToken). */
export const TOKEN_NOT_VALIDATED =
  'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.';

/**
 * Verifies a JWT's signature against the provider's keys and its time claims against `now`, with jose:
 * an unsigned (`alg: none`), HMAC or forged token, or one signed by a key not in the set, is
 * InvalidIdentityToken; `exp` passed is ExpiredTokenException with AWS's message; `nbf` or `iat` in the
 * future is InvalidIdentityToken. No clock tolerance, so the outcome is the same on every run.
 */
export async function verifyWebIdentityToken(
  token: string,
  keys: JSONWebKeySet,
  now: Date,
): Promise<FederationResult<JWTPayload>> {
  const seconds = Math.floor(now.getTime() / 1000);
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys), {
      algorithms: ALGORITHMS,
      currentDate: now,
      requiredClaims: ['exp'],
    });
    if (typeof payload.iat === 'number' && payload.iat > seconds)
      return federationFail('InvalidIdentityToken', 'Token used before issued');
    return { ok: true, value: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      const exp = (error.payload as JWTPayload).exp;
      return federationFail(
        'ExpiredTokenException',
        `Token expired: current date/time ${seconds} must be before the expiration date/time${exp ?? ''}`,
      );
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'nbf') return federationFail('InvalidIdentityToken', 'Token is not yet valid (nbf)');
      if (error.claim === 'exp') return federationFail('InvalidIdentityToken', 'Missing a required claim: exp');
    }
    return federationFail('InvalidIdentityToken', TOKEN_NOT_VALIDATED);
  }
}
