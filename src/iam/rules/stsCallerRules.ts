import type { Refusal } from './protectedEntities.js';

/** Who is calling STS, as far as its rules care. */
export interface StsCaller {
  /** `root` for an account's root user (long-term root credentials). */
  type: 'root' | 'user' | 'assumedRole' | 'federatedUser' | 'operator';
  /** For temporary credentials: the STS operation that issued them. */
  issuedBy?: 'AssumeRole' | 'GetSessionToken' | 'GetFederationToken' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity' | null;
  /** Whether the credentials were issued with MFA. */
  mfaAuthenticated?: boolean;
}

/**
 * AssumeRole refuses an account's root user: "Roles may not be assumed by root accounts." (AccessDenied).
 * Returns the refusal, or null when the caller may ask.
 */
export function refuseRootAssumeRole(caller: StsCaller): Refusal | null {
  return caller.type === 'root' ? { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' } : null;
}

/**
 * What credentials from GetSessionToken may call, as the STS API reference states: no IAM API operation
 * unless MFA information was included when they were requested, and of STS only AssumeRole and
 * GetCallerIdentity. Returns AccessDenied with the reason, or null when the action is allowed to be tried
 * (the policies still decide).
 */
export function refuseSessionTokenAction(caller: StsCaller, action: string): Refusal | null {
  if (caller.issuedBy !== 'GetSessionToken') return null;
  const lower = action.toLowerCase();
  if (lower.startsWith('iam:') && caller.mfaAuthenticated !== true) {
    return { code: 'AccessDenied', message: `Cannot call ${action} with session credentials from GetSessionToken without MFA: IAM API operations need MFA authentication information` };
  }
  if (lower.startsWith('sts:') && lower !== 'sts:assumerole' && lower !== 'sts:getcalleridentity') {
    return { code: 'AccessDenied', message: `Cannot call ${action} with session credentials from GetSessionToken: only AssumeRole and GetCallerIdentity are allowed` };
  }
  return null;
}
