import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { formatRoleSessionArn, SERVICE_PRINCIPALS, type RoleService } from '../../iam/index.js';
import { recordAuditEvent } from '../audit/recordAuditEvent.js';
import { authorize } from '../authorization/authorize.js';
import { issueSession, type IssuedCredentials } from '../sessions/stsIssueSession.js';
import { decideServiceAssume, loadWorkload } from './serviceWorkloads.js';

/** How long a service role session lasts (EC2 rotates instance credentials well before this). */
export const SERVICE_SESSION_SECONDS = 3600;

/** A service role session as the workload receives it. */
export interface ServiceSession {
  credentials: IssuedCredentials;
  assumedRoleUser: { arn: string; assumedRoleId: string };
  roleArn: string;
  roleName: string;
  instanceProfileArn: string | null;
  instanceProfileId: string | null;
  issuedAt: Date;
}

/** Who may act as a workload: a shell on the instance (ssm:StartSession) or invoking the function. */
const ACT_AS: Record<RoleService, string> = { ec2: 'ssm:StartSession', lambda: 'lambda:InvokeFunction' };

/**
 * Issues the role session a service gives a workload, so a learner can act as an EC2 instance (the
 * credentials IMDS serves at `iam/security-credentials/ROLE`) or a Lambda function (its execution role's
 * session). Acting as the workload needs `ssm:StartSession` on the instance or `lambda:InvokeFunction` on the
 * function, through the door. Then the service assumes the role as its service principal — the trust policy
 * must allow it, with aws:SourceAccount/aws:SourceArn — and the session is named after the instance id or the
 * function name. It is not role chaining (no parent session, not capped), remembers its service and workload
 * for ec2:SourceInstanceArn / lambda:SourceFunctionArn, and is audited as an AWSService AssumeRole.
 */
export async function issueServiceSession(
  context: Context,
  service: RoleService,
  workloadArn: string,
): Promise<ServiceSession> {
  const accountId = workloadArn.split(':')[4] ?? '';
  await authorize(context, { action: ACT_AS[service], resourceArn: workloadArn, resourceAccountId: accountId });
  const resource = await loadWorkload(context, workloadArn);
  const workload = resource?.workload ?? null;
  if (resource === null || workload === null || workload.service !== SERVICE_PRINCIPALS[service]) {
    throw service === 'ec2'
      ? awsError('InvalidParameterValue', `The instance ID '${workloadArn.split('/').pop()}' does not exist`)
      : awsError('ResourceNotFoundException', `Function not found: ${workloadArn}`);
  }
  const role = workload.role;
  if (role === null)
    throw awsError(
      'NoSuchEntity',
      `The ${service === 'ec2' ? 'instance has no instance profile with a role' : 'function has no execution role'}: ${workloadArn}`,
    );
  const now = new Date();
  const principal = SERVICE_PRINCIPALS[service];
  const decision = decideServiceAssume(role, principal, workloadArn, now);
  if (decision?.evalDecision !== 'allowed') {
    const message =
      service === 'ec2'
        ? `EC2 cannot assume the role ${role.name}. Please see documentation at https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#troubleshoot_iam-ec2_errors-info-doc.`
        : `Lambda cannot assume the role ${role.name}: the role defined for the function cannot be assumed by Lambda.`;
    await recordAuditEvent(context.database.prisma, null, {
      eventName: 'AssumeRole',
      decision: 'Deny',
      accountId,
      action: 'sts:AssumeRole',
      resourceArn: role.arn,
      errorCode: 'AccessDenied',
      errorMessage: message,
      detail: { userIdentity: { type: 'AWSService', invokedBy: principal }, sourceArn: workloadArn },
    });
    throw awsError('AssumeRoleUnauthorizedAccess', message);
  }
  const sessionName = service === 'ec2' ? workloadArn.split('/').pop()! : workloadArn.split(':').pop()!;
  const arn = formatRoleSessionArn(role.arn, sessionName) ?? role.arn;
  const assumedRoleId = `${role.id}:${sessionName}`;
  const credentials = await issueSession(context.database.prisma, context.cipher, {
    accountId: role.accountId,
    roleId: role.id,
    userId: null,
    parentSessionId: null,
    sessionName,
    arn,
    assumedRoleId,
    callerArn: principal,
    sourceIdentity: null,
    tags: [],
    transitiveTagKeys: [],
    sessionPolicy: null,
    policyArns: [],
    mfaAuthenticatedAt: null,
    chained: false,
    issuedAt: now,
    durationSeconds: SERVICE_SESSION_SECONDS,
    servicePrincipal: principal,
    serviceSourceArn: workloadArn,
  });
  await recordAuditEvent(context.database.prisma, null, {
    eventName: 'AssumeRole',
    decision: 'Allow',
    accountId: role.accountId,
    action: 'sts:AssumeRole',
    resourceArn: role.arn,
    detail: {
      userIdentity: { type: 'AWSService', invokedBy: principal },
      sourceArn: workloadArn,
      issuedSessionId: credentials.accessKeyId,
      roleSessionName: sessionName,
    },
  });
  return {
    credentials,
    assumedRoleUser: { arn, assumedRoleId },
    roleArn: role.arn,
    roleName: role.name,
    instanceProfileArn: workload.instanceProfile?.arn ?? null,
    instanceProfileId: workload.instanceProfile?.id ?? null,
    issuedAt: now,
  };
}
