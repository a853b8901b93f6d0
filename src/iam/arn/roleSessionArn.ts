import { parsePrincipal } from './parsePrincipal.js';

/**
 * Builds a role session ARN from a role ARN: `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`. The role's
 * path is dropped, as AWS drops it. Returns null when `roleArn` is not a role ARN.
 */
export function formatRoleSessionArn(roleArn: string, sessionName: string): string | null {
  const role = parsePrincipal(roleArn);
  if (role === null || role.kind !== 'role') return null;
  return `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
}

/**
 * Whether `sessionArn` is a session of the role `roleArn`. Session ARNs carry no path, so a pathed role
 * matches by account and name: that is how a policy naming a role ARN also covers the role's sessions.
 */
export function isSessionOfRole(sessionArn: string, roleArn: string): boolean {
  const session = parsePrincipal(sessionArn);
  const role = parsePrincipal(roleArn);
  return (
    session !== null &&
    role !== null &&
    session.kind === 'assumedRole' &&
    role.kind === 'role' &&
    session.account === role.account &&
    session.partition === role.partition &&
    session.name === role.name
  );
}

/**
 * The role ARN (without path, since the session does not record it) behind a role session ARN, or null.
 * Callers that know the role's path should use the stored role ARN instead.
 */
export function roleArnFromSessionArn(sessionArn: string): string | null {
  const session = parsePrincipal(sessionArn);
  if (session === null || session.kind !== 'assumedRole') return null;
  return `arn:${session.partition}:iam::${session.account}:role/${session.name}`;
}
