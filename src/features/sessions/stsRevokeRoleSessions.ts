import type { Context } from '../../context.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { buildRevokeSessionsPolicy, REVOKE_SESSIONS_POLICY_NAME } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';

/** What revoking a role's sessions did. */
export interface RevokeRoleSessionsResult {
  roleArn: string;
  policyName: string;
  /** Sessions of the role issued before this instant are denied everything. */
  revokedAt: Date;
}

/**
 * Revokes every active session of a role the way the IAM console's "Revoke active sessions" does: it puts
 * (or replaces) the role's inline policy `AWSRevokeOlderSessions`, which denies all actions when
 * `aws:TokenIssueTime` is before now. Sessions issued later are unaffected. Needs iam:PutRolePolicy on the
 * role, as in AWS.
 */
export async function revokeRoleSessions(
  context: Context,
  roleArn: string,
  now: Date = new Date(),
): Promise<RevokeRoleSessionsResult> {
  const prisma = context.database.prisma;
  const role = await prisma.role.findUnique({
    where: { arn: roleArn },
    select: { id: true, accountId: true, name: true },
  });
  if (role === null) {
    throw noSuchEntity(`The role with name ${roleArn.slice(roleArn.lastIndexOf('/') + 1)} cannot be found.`);
  }
  await authorize(context, { action: 'iam:PutRolePolicy', resourceArn: roleArn, resourceAccountId: role.accountId });
  const document = buildRevokeSessionsPolicy(now);
  const nameKey = REVOKE_SESSIONS_POLICY_NAME.toLowerCase();
  await prisma.inlinePolicy.upsert({
    where: { roleId_nameKey: { roleId: role.id, nameKey } },
    create: { principalKind: 'ROLE', roleId: role.id, name: REVOKE_SESSIONS_POLICY_NAME, nameKey, document },
    update: { document },
  });
  return { roleArn, policyName: REVOKE_SESSIONS_POLICY_NAME, revokedAt: now };
}
