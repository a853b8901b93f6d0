import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>> | undefined;
afterEach(async () => {
  await aws?.server.close();
  aws = undefined;
});

/** An account with `size` roles (each with an AWS managed policy) and `size` users (each with an inline policy). */
async function arrange(size: number) {
  const statements: string[] = [];
  const counter = { on: false };
  aws = await startAwsTestServer({ onQuery: (sql) => counter.on && statements.push(sql) });
  const { accountId, root } = await aws.createAccount(`sql-${size}`);
  const iam: IAMClient = aws.iam(root);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: accountId }, Action: 'sts:AssumeRole' }],
  });
  for (let i = 0; i < size; i += 1) {
    await iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: trust }));
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: `role-${i}`, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new CreateUserCommand({ UserName: `user-${i}` }));
    await iam.send(
      new PutUserPolicyCommand({ UserName: `user-${i}`, PolicyName: 'p', PolicyDocument: allow('s3:GetObject') }),
    );
  }
  /** Runs one call and returns how many SQL statements it sent. */
  const count = async (call: () => Promise<unknown>) => {
    statements.length = 0;
    counter.on = true;
    await call();
    counter.on = false;
    return statements.length;
  };
  return { iam, count };
}

describe('SQL statements per AWS protocol request', () => {
  it('do not grow with the number of roles, users and policies listed (no N+1)', async () => {
    // Given a small and a larger account, when the same list operations run over each
    const measure = async (size: number) => {
      const { iam, count } = await arrange(size);
      const figures = {
        listRoles: await count(() => iam.send(new ListRolesCommand({}))),
        listPolicies: await count(() => iam.send(new ListPoliciesCommand({ Scope: 'All', MaxItems: 50 }))),
        authorizationDetails: await count(() => iam.send(new GetAccountAuthorizationDetailsCommand({}))),
      };
      await aws?.server.close();
      aws = undefined;
      return figures;
    };
    const small = await measure(2);
    const large = await measure(6);
    // Then each issues the same number of statements (loaders batch every relation)
    expect(large).toEqual(small);
    expect(small.listRoles).toBeGreaterThan(0);
  }, 120_000);
});
