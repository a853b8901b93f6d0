import type { Context } from '../../context.js';
import { requireArn } from '../../graphql/requireArn.js';
import { parseArn } from '../../iam/index.js';
import { describeResourceArn } from '../scenarios/describeResourceArn.js';
import { requireCaller, type AuthorizationCheck } from './authorize.js';

type Args = Record<string, unknown>;

/** Builds the authorization check of one read from its arguments (or parent), or null when none applies. */
export type ReadCheck = (context: Context, args: Args, parent: unknown) => Promise<AuthorizationCheck | null> | AuthorizationCheck | null;

/** The action that reads a resource's policy, per service, as the service's own API names it. */
const READ_RESOURCE_ACTIONS: Readonly<Record<string, string>> = {
  s3: 's3:GetBucketPolicy',
  sqs: 'sqs:GetQueueAttributes',
  sns: 'sns:GetTopicAttributes',
  kms: 'kms:GetKeyPolicy',
  secretsmanager: 'secretsmanager:GetResourcePolicy',
  lambda: 'lambda:GetPolicy',
};

const own = (context: Context) => requireCaller(context).accountId;

/** An IAM read on an entity ARN, checked in the account the ARN names (AWS managed policies: the caller's own). */
const iamRead = (action: string, field: string): ReadCheck => (context, args) => {
  const arn = String(args[field]);
  const account = requireArn(arn).account;
  return { action, resourceArn: arn, resourceAccountId: account && account !== 'aws' ? account : own(context) };
};

/** A list or describe call on `*` in the caller's account. */
const accountRead = (action: string): ReadCheck => (context) => ({ action, resourceArn: '*', resourceAccountId: own(context) });

/** A listing under an account (its users, roles ...), checked in that account. */
const listIn = (action: string): ReadCheck => (_context, _args, parent) => {
  const accountId = (parent as { id: string }).id;
  return { action, resourceArn: '*', resourceAccountId: accountId };
};

/**
 * The IAM action AWS would check for each read, keyed `Type.field`: role(arn) → iam:GetRole on the role,
 * policy(arn) → iam:GetPolicy, account(accountId) → organizations:DescribeAccount, Account.users →
 * iam:ListUsers in that account, resource(arn) → the service's read-policy action against the resource's own
 * policy. callerIdentity is never denied, as in AWS; auditEvents authorizes itself (cloudtrail:LookupEvents).
 * Session reads have no AWS equivalent and are checked as iam:ListRoles in the session's account.
 */
export const READ_CHECKS: Readonly<Record<string, ReadCheck>> = {
  'Query.user': iamRead('iam:GetUser', 'arn'),
  'Query.group': iamRead('iam:GetGroup', 'arn'),
  'Query.role': iamRead('iam:GetRole', 'arn'),
  'Query.policy': iamRead('iam:GetPolicy', 'arn'),
  'Query.policyVersion': iamRead('iam:GetPolicyVersion', 'policyArn'),
  'Query.awsManagedPolicies': accountRead('iam:ListPolicies'),
  'Query.organizations': accountRead('organizations:DescribeOrganization'),
  'Query.organization': accountRead('organizations:DescribeOrganization'),
  'Query.accounts': accountRead('organizations:ListAccounts'),
  'Query.account': (context, args) => ({
    action: 'organizations:DescribeAccount',
    resourceArn: `arn:aws:organizations::${own(context)}:account/${String(args.accountId)}`,
    resourceAccountId: own(context),
  }),
  'Query.sessions': (_context, args) => ({ action: 'iam:ListRoles', resourceArn: '*', resourceAccountId: String(args.accountId) }),
  'Query.session': async (context, args) => {
    const session = await context.database.prisma.session.findUnique({ where: { id: String(args.accessKeyId) }, select: { accountId: true } });
    return { action: 'iam:ListRoles', resourceArn: '*', resourceAccountId: session?.accountId ?? own(context) };
  },
  'Query.resource': async (context, args) => {
    const arn = String(args.arn);
    const resource = await context.database.prisma.resource.findUnique({ where: { arn }, include: { tags: true } });
    const { service } = describeResourceArn(arn);
    return {
      action: READ_RESOURCE_ACTIONS[service] ?? `${service}:GetResourcePolicy`,
      resourceArn: arn,
      resourceAccountId: resource?.accountId ?? (parseArn(arn)?.account || own(context)),
      resourcePolicy: resource?.policyDocument ?? null,
      resourceTags: resource ? Object.fromEntries(resource.tags.map((tag) => [tag.key, tag.value])) : null,
    };
  },
  'Query.simulateCustomPolicy': accountRead('iam:SimulateCustomPolicy'),
  'Query.simulatePrincipalPolicy': (context, args) => {
    const input = (args.input ?? {}) as { policySourceArn?: unknown };
    return iamRead('iam:SimulatePrincipalPolicy', 'arn')(context, { arn: String(input.policySourceArn ?? '*') }, null);
  },
  'Account.users': listIn('iam:ListUsers'),
  'Account.groups': listIn('iam:ListGroups'),
  'Account.roles': listIn('iam:ListRoles'),
  'Account.policies': listIn('iam:ListPolicies'),
};
