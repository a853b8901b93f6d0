import { createContextFromEntries } from '../evaluate/createContextFromEntries.js';
import { buildPassRoleContext, SERVICE_PRINCIPALS } from '../serviceRoles/servicePrincipals.js';
import { serviceCanAssumeRole } from '../serviceRoles/serviceCanAssumeRole.js';
import type { AnalysisRole, AnalysisUser, AuthorizationModel } from './AuthorizationModel.js';
import type { AssumeRoleHop } from './evaluateAssumeRoleHop.js';
import { describeSubject, describeTarget, evaluateAccess, mayIdentityAllow } from './evaluateAccess.js';

/**
 * The launches that hand a role to a service the caller can then act as: create a Lambda function and invoke
 * it; or make an instance profile, put the role in it, launch an instance and open a shell on it. Each names a
 * representative workload in the role's account for the ARN-scoped checks.
 */
const LAUNCHES = [
  {
    service: SERVICE_PRINCIPALS.lambda,
    workload: (account: string) => `arn:aws:lambda:us-east-1:${account}:function:analysis`,
    actions: [
      { action: 'lambda:CreateFunction', on: 'workload' },
      { action: 'lambda:InvokeFunction', on: 'workload' },
    ],
  },
  {
    service: SERVICE_PRINCIPALS.ec2,
    workload: (account: string) => `arn:aws:ec2:us-east-1:${account}:instance/i-00000000000000000`,
    actions: [
      { action: 'iam:CreateInstanceProfile', on: 'profile' },
      { action: 'iam:AddRoleToInstanceProfile', on: 'profile' },
      { action: 'ec2:RunInstances', on: 'workload' },
      { action: 'ssm:StartSession', on: 'workload' },
    ],
  },
] as const;

/**
 * Whether `caller` can reach `role` without sts:AssumeRole, by passing it to a service and acting as the
 * workload (the classic PassRole escalation): the role's trust must let the service assume it, the caller must
 * be allowed iam:PassRole on the role with `iam:PassedToService` (and `iam:AssociatedResourceArn`), and the
 * launch and act-as actions. A role can be passed only within its account. Returns the hop, marked with the
 * service, or null.
 */
export function evaluateLaunchHop(
  model: AuthorizationModel,
  caller: AnalysisUser | AnalysisRole,
  role: AnalysisRole,
): AssumeRoleHop | null {
  if (role.trustPolicy === null || caller === role || caller.accountId !== role.accountId) return null;
  const subject = describeSubject(model, caller);
  if (!mayIdentityAllow(subject, 'iam:passrole', role.arn)) return null;
  for (const launch of LAUNCHES) {
    const workload = launch.workload(role.accountId);
    const trusted = serviceCanAssumeRole({
      servicePrincipal: launch.service,
      role: { arn: role.arn, accountId: role.accountId, tags: role.tags },
      trustPolicy: role.trustPolicy,
      sourceArn: workload,
      sourceAccount: role.accountId,
    });
    if (trusted.evalDecision !== 'allowed') continue;
    const context = createContextFromEntries(buildPassRoleContext(launch.service, workload));
    const pass = evaluateAccess(
      model,
      subject,
      'iam:PassRole',
      describeTarget(model, role.arn, 'iam:PassRole'),
      context.ok ? context.context : null,
    );
    if (pass.evalDecision !== 'allowed') continue;
    const profile = `arn:aws:iam::${role.accountId}:instance-profile/analysis`;
    const launched = launch.actions.every(({ action, on }) => {
      const arn = on === 'workload' ? workload : profile;
      return evaluateAccess(model, subject, action, describeTarget(model, arn, action)).evalDecision === 'allowed';
    });
    if (!launched) continue;
    return {
      callerArn: caller.arn,
      roleArn: role.arn,
      requirements: { externalId: null, mfa: false, sourceIdentity: null, sessionTags: [], roleSessionName: null },
      matchedStatements: [...pass.matchedStatements, ...trusted.matchedStatements],
      launchedThrough: launch.service,
    };
  }
  return null;
}

/** Whether any Allow of a role's trust names a service that launches workloads with passed roles. */
export function trustsLaunchingService(role: AnalysisRole): boolean {
  const services = new Set<string>(LAUNCHES.map((l) => l.service));
  return role.trustStatements.some(
    (s) => s.allowsAssumeRole && (s.parsed.principal?.service.some((p) => p === '*' || services.has(p)) ?? false),
  );
}
