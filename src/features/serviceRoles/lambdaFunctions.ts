import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { SERVICE_PRINCIPALS } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkTags, type TagInput } from '../identities/iamNameRules.js';
import { replaceTags, requestTagContext } from '../identities/replaceTags.js';
import { authorizePassRole } from './authorizePassRole.js';
import { checkRegion, decideServiceAssume, loadWorkload } from './serviceWorkloads.js';

/** A Lambda function as the playground keeps it. */
export interface LambdaFunction {
  functionName: string;
  functionArn: string;
  region: string;
  role: string;
}

/** AWS's message when a function's execution role does not trust Lambda. */
export const ROLE_NOT_ASSUMABLE = 'The role defined for the function cannot be assumed by Lambda.';

const NAME = /^[a-zA-Z0-9-_]{1,64}$/;

/**
 * The execution role checks Lambda makes when a role is handed to it: the role must exist in the caller's
 * account and the caller must be allowed iam:PassRole to `lambda.amazonaws.com` for this function; then Lambda
 * must be able to assume it (the trust policy, with aws:SourceAccount/aws:SourceArn) — else
 * InvalidParameterValueException "The role defined for the function cannot be assumed by Lambda.".
 */
async function checkExecutionRole(context: Context, roleArn: string, functionArn: string, accountId: string) {
  const role = await context.database.prisma.role.findFirst({ where: { arn: roleArn }, include: { tags: true } });
  await authorizePassRole(
    context,
    { arn: roleArn, accountId: role?.accountId ?? roleArn.split(':')[4] ?? accountId },
    SERVICE_PRINCIPALS.lambda,
    functionArn,
  );
  if (role === null || role.accountId !== accountId)
    throw awsError('InvalidParameterValueException', ROLE_NOT_ASSUMABLE);
  const decision = decideServiceAssume(role, SERVICE_PRINCIPALS.lambda, functionArn, new Date());
  if (decision?.evalDecision !== 'allowed') throw awsError('InvalidParameterValueException', ROLE_NOT_ASSUMABLE);
  return role;
}

/**
 * lambda:CreateFunction with an execution role: lambda:CreateFunction on the function's ARN (with its request
 * tags), then the execution role checks. The function becomes a stored resource
 * (`arn:aws:lambda:REGION:ACCOUNT:function:NAME`) remembering its role; a second one of the same name is
 * ResourceConflictException.
 */
export async function createFunction(
  context: Context,
  args: {
    functionName: string;
    role: string;
    runtime?: string | null;
    handler?: string | null;
    region?: string | null;
    tags?: readonly TagInput[] | null;
    actingAccountId?: string | null;
  },
): Promise<LambdaFunction> {
  if (!NAME.test(args.functionName))
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value '${args.functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+`,
    );
  const region = checkRegion(args.region);
  const tags = args.tags ?? [];
  checkTags(tags);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${args.functionName}`;
  await authorize(context, {
    action: 'lambda:CreateFunction',
    resourceArn: functionArn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  const role = await checkExecutionRole(context, args.role, functionArn, accountId);
  await context.database.prisma.$transaction(async (tx) => {
    if ((await tx.resource.findUnique({ where: { arn: functionArn }, select: { id: true } })) !== null) {
      throw awsError('ResourceConflictException', `Function already exist: ${args.functionName}`);
    }
    const resource = await tx.resource.create({
      data: { arn: functionArn, accountId, service: 'lambda', resourceType: 'function' },
    });
    await replaceTags(tx, { resourceId: resource.id }, tags);
    await tx.serviceWorkload.create({
      data: { resourceArn: functionArn, service: SERVICE_PRINCIPALS.lambda, roleId: role.id },
    });
  });
  return { functionName: args.functionName, functionArn, region, role: role.arn };
}

/**
 * lambda:UpdateFunctionConfiguration with a new execution role: lambda:UpdateFunctionConfiguration on the
 * function (ResourceNotFoundException when there is none), then the execution role checks for the new role.
 */
export async function updateFunctionConfiguration(
  context: Context,
  args: { functionName: string; role: string; region?: string | null; actingAccountId?: string | null },
): Promise<LambdaFunction> {
  const region = checkRegion(args.region);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${args.functionName}`;
  await authorize(context, {
    action: 'lambda:UpdateFunctionConfiguration',
    resourceArn: functionArn,
    resourceAccountId: accountId,
  });
  const existing = await loadWorkload(context, functionArn);
  if (existing?.workload === null || existing === null)
    throw awsError('ResourceNotFoundException', `Function not found: ${functionArn}`);
  const role = await checkExecutionRole(context, args.role, functionArn, accountId);
  await context.database.prisma.serviceWorkload.update({
    where: { resourceArn: functionArn },
    data: { roleId: role.id },
  });
  return { functionName: args.functionName, functionArn, region, role: role.arn };
}
