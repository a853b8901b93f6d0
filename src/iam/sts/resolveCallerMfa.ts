/** The MFA facts of the credentials that sign an AssumeRole call. */
export interface CallerMfa {
  /** The caller signs with a role session's credentials: the call is role chaining. */
  isRoleSession: boolean;
  /** When the calling credentials were authenticated with MFA; null if never. */
  mfaAuthenticatedAt: Date | null;
}

/**
 * When MFA authenticated the credentials calling AssumeRole, as AWS documents it (Configuring MFA-protected
 * API access, "Choosing between GetSessionToken and AssumeRole",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html):
 * credentials from `GetSessionToken` with MFA "include MFA information", so an AssumeRole call made with them
 * is MFA-authenticated; "the temporary credentials returned by AssumeRole do not include MFA information in the
 * context", so a role session calling AssumeRole (role chaining) passes no MFA on — neither to the trust policy
 * nor to the new session. Long-term keys carry none. Null: no MFA.
 */
export function resolveCallerMfa(caller: CallerMfa | null): Date | null {
  if (caller === null || caller.isRoleSession) return null;
  return caller.mfaAuthenticatedAt;
}
