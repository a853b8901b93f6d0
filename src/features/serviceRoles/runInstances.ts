import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { SERVICE_PRINCIPALS } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkTags, type TagInput } from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext } from '../identities/replaceTags.js';
import { authorizePassRole } from './authorizePassRole.js';
import { findInstanceProfile } from './instanceProfiles.service.js';
import { checkRegion, generateInstanceId } from './serviceWorkloads.js';

/** The arguments of ec2:RunInstances the playground models (one instance). */
export interface RunInstancesArgs {
  imageId: string;
  instanceType?: string | null;
  region?: string | null;
  /** The instance profile, by ARN or name, as EC2's IamInstanceProfile takes it. */
  iamInstanceProfile?: { arn?: string | null; name?: string | null } | null;
  tags?: readonly TagInput[] | null;
  actingAccountId?: string | null;
}

/** A launched instance: its resource row and the profile and role it runs with. */
export interface LaunchedInstance {
  instanceId: string;
  arn: string;
  region: string;
  imageId: string;
  instanceType: string;
  instanceProfileArn: string | null;
  roleArn: string | null;
}

const invalidProfile = (value: string, by: 'name' | 'arn') =>
  awsError(
    'InvalidParameterValue',
    `Value (${value}) for parameter iamInstanceProfile.${by} is invalid. Invalid IAM Instance Profile ${by}`,
  );

/**
 * ec2:RunInstances with an instance profile, as AWS authorizes it: ec2:RunInstances on the new instance's
 * ARN (with its request tags), then — when the profile holds a role — iam:PassRole on that role with
 * `iam:PassedToService` = `ec2.amazonaws.com` and `iam:AssociatedResourceArn` = the instance. The instance
 * becomes a stored resource (`arn:aws:ec2:REGION:ACCOUNT:instance/i-…`) remembering its profile and role.
 * EC2 does not check the role's trust at launch: an instance whose role does not trust EC2 simply gets no
 * credentials (see instanceCredentials).
 */
export async function runInstances(context: Context, args: RunInstancesArgs): Promise<LaunchedInstance> {
  const region = checkRegion(args.region);
  if (!/^ami-[0-9a-f]{8,17}$/.test(args.imageId))
    throw awsError('InvalidParameterValue', `Invalid id: "${args.imageId}"`);
  const tags = args.tags ?? [];
  checkTags(tags);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const instanceId = generateInstanceId();
  const arn = `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`;
  await authorize(context, {
    action: 'ec2:RunInstances',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });

  const prisma = context.database.prisma;
  const requested = args.iamInstanceProfile;
  let profile: Awaited<ReturnType<typeof findInstanceProfile>> = null;
  if (requested?.arn) {
    profile = await prisma.instanceProfile.findFirst({
      where: { arn: requested.arn, accountId },
      include: { role: true },
    });
    if (profile === null) throw invalidProfile(requested.arn, 'arn');
  } else if (requested?.name) {
    profile = await findInstanceProfile(prisma, accountId, requested.name);
    if (profile === null) throw invalidProfile(requested.name, 'name');
  }
  if (profile?.role) await authorizePassRole(context, profile.role, SERVICE_PRINCIPALS.ec2, arn);

  const instanceType = args.instanceType ?? 't3.micro';
  await prisma.$transaction(async (tx) => {
    const resource = await tx.resource.create({ data: { arn, accountId, service: 'ec2', resourceType: 'instance' } });
    await replaceTags(tx, { resourceId: resource.id }, tags);
    await tx.serviceWorkload.create({
      data: {
        resourceArn: arn,
        service: SERVICE_PRINCIPALS.ec2,
        roleId: profile?.role?.id ?? null,
        instanceProfileId: profile?.id ?? null,
      },
    });
  });
  return {
    instanceId,
    arn,
    region,
    imageId: args.imageId,
    instanceType,
    instanceProfileArn: profile?.arn ?? null,
    roleArn: profile?.role?.arn ?? null,
  };
}
