/** The name AWS gives the inline policy that revokes a role's older sessions. */
export const REVOKE_SESSIONS_POLICY_NAME = 'AWSRevokeOlderSessions';

/**
 * The inline role policy AWS's "Revoke active sessions" attaches: deny everything to sessions whose
 * `aws:TokenIssueTime` is before `revokedAt`. Sessions issued afterwards are untouched, and the
 * explicit deny beats any allow, so no session needs to be found or deleted.
 */
export function buildRevokeSessionsPolicy(revokedAt: Date): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: ['*'],
          Resource: ['*'],
          Condition: { DateLessThan: { 'aws:TokenIssueTime': revokedAt.toISOString() } },
        },
      ],
    },
    null,
    2,
  );
}
