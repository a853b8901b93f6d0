import type { Refusal } from './protectedEntities.js';

/** Who is calling STS, as far as its rules care. */
export interface StsCaller {
  /** `root` for an account's root user (long-term root credentials). */
  type: 'root' | 'user' | 'assumedRole' | 'federatedUser' | 'operator';
  /** For temporary credentials: the STS operation that issued them. */
  issuedBy?:
    'AssumeRole' | 'GetSessionToken' | 'GetFederationToken' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity' | null;
  /** Whether the credentials were issued with MFA. */
  mfaAuthenticated?: boolean;
}

/**
 * AssumeRole refuses an account's root user: "Roles may not be assumed by root accounts." (AccessDenied).
 * Returns the refusal, or null when the caller may ask.
 */
export function refuseRootAssumeRole(caller: StsCaller): Refusal | null {
  return caller.type === 'root'
    ? { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' }
    : null;
}

const ROLE_SESSION_ISSUERS = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

/**
 * What temporary credentials may call, as the STS API reference states. From GetSessionToken: no IAM API
 * operation unless MFA information was included when they were requested, and of STS only AssumeRole and
 * GetCallerIdentity. From AssumeRole (and its SAML and web identity twins): anything but GetFederationToken
 * and GetSessionToken. From GetFederationToken: no IAM operation, and of STS only GetCallerIdentity. Returns AccessDenied with the reason, or null when the action may be tried (the
 * policies still decide).
 */
export function refuseTemporaryCredentialsAction(caller: StsCaller, action: string): Refusal | null {
  const lower = action.toLowerCase();
  if (
    caller.issuedBy &&
    ROLE_SESSION_ISSUERS.has(caller.issuedBy) &&
    (lower === 'sts:getfederationtoken' || lower === 'sts:getsessiontoken')
  ) {
    return { code: 'AccessDenied', message: `Cannot call ${action} with session credentials from ${caller.issuedBy}` };
  }
  if (caller.issuedBy === 'GetFederationToken') {
    if (lower.startsWith('iam:'))
      return {
        code: 'AccessDenied',
        message: `Cannot call ${action} with federated user credentials: no IAM API operation is allowed`,
      };
    if (lower.startsWith('sts:') && lower !== 'sts:getcalleridentity') {
      return {
        code: 'AccessDenied',
        message: `Cannot call ${action} with federated user credentials: of STS only GetCallerIdentity is allowed`,
      };
    }
    return null;
  }
  if (caller.issuedBy !== 'GetSessionToken') return null;
  if (lower.startsWith('iam:') && caller.mfaAuthenticated !== true) {
    return {
      code: 'AccessDenied',
      message: `Cannot call ${action} with session credentials from GetSessionToken without MFA: IAM API operations need MFA authentication information`,
    };
  }
  if (lower.startsWith('sts:') && lower !== 'sts:assumerole' && lower !== 'sts:getcalleridentity') {
    return {
      code: 'AccessDenied',
      message: `Cannot call ${action} with session credentials from GetSessionToken: only AssumeRole and GetCallerIdentity are allowed`,
    };
  }
  return null;
}
