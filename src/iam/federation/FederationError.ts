/** The AWS error codes federation's pure rules return (STS's AssumeRoleWith* errors). */
export type FederationErrorCode =
  'InvalidIdentityToken' | 'IDPRejectedClaim' | 'ExpiredTokenException' | 'ValidationError' | 'AccessDenied';

/** A rejected federation request, with AWS's code and message. */
export interface FederationError {
  code: FederationErrorCode;
  message: string;
}

/** The outcome of a federation rule. */
export type FederationResult<T> = { ok: true; value: T } | { ok: false; error: FederationError };

/** A failed {@link FederationResult}. */
export function federationFail<T>(code: FederationErrorCode, message: string): FederationResult<T> {
  return { ok: false, error: { code, message } };
}
