import { randomBytes } from 'node:crypto';
import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { compilePolicy, serviceCanAssumeRole, type EvaluationResult } from '../../iam/index.js';

/** The region workloads run in when none is given. */
export const DEFAULT_REGION = 'us-east-1';

/** Checks a region name such as `us-east-1`. */
export function checkRegion(region: string | null | undefined): string {
  const value = region ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) throw awsError('ValidationError', `Invalid region: ${value}`);
  return value;
}

/** A fresh EC2 instance id, `i-` and 17 hexadecimal digits as EC2 issues them. */
export function generateInstanceId(): string {
  return `i-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** A role with its trust policy and tags, as a service assuming it needs it. */
export interface AssumableRole {
  id: string;
  arn: string;
  name: string;
  accountId: string;
  assumeRolePolicyDocument: string;
  tags: { key: string; value: string }[];
}

/** Whether a service principal may assume the role for `sourceArn` (the engine decides from the trust policy). */
export function decideServiceAssume(
  role: AssumableRole,
  servicePrincipal: string,
  sourceArn: string,
  now: Date,
): EvaluationResult | null {
  const trust = compilePolicy(role.assumeRolePolicyDocument, 'trust', 'TrustPolicy');
  if (!trust.ok) return null;
  return serviceCanAssumeRole({
    servicePrincipal,
    role: {
      arn: role.arn,
      accountId: role.accountId,
      tags: Object.fromEntries(role.tags.map((t) => [t.key, t.value])),
    },
    trustPolicy: trust.policy,
    sourceArn,
    sourceAccount: sourceArn.split(':')[4] ?? '',
    now,
  });
}

/** Loads a workload (an instance or function resource) in the caller's context with its role. */
export async function loadWorkload(context: Context, arn: string) {
  return context.database.prisma.resource.findUnique({
    where: { arn },
    include: { tags: true, workload: { include: { role: { include: { tags: true } }, instanceProfile: true } } },
  });
}
