import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startManagementServer, type Key } from './managementTestServer.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_policy-examples.html: "When you save the
// policy, AWS transforms the ARN to a unique principal ID ... if you delete the role or user, then the
// relationship is broken. The policy no longer applies, even if you recreate the user or role because it does
// not match the principal ID stored in the trust policy. When this happens, the principal ID shows up in the
// console because AWS can no longer map it back to an ARN."
let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;

const naming = (arn: string, action: string, resource?: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: arn }, Action: action, ...(resource ? { Resource: resource } : {}) },
    ],
  });

const CREATE_ROLE =
  'mutation($name: String!, $t: String!) { createRole(roleName: $name, assumeRolePolicyDocument: $t) { roleId arn } }';
const DECIDE = `query($arn: String!, $action: String!, $resource: String!) {
  role(arn: $arn) { canPerform(action: $action, resource: $resource) { decision } }
}`;

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('unique-ids'));
});
afterAll(() => env?.server.close());

async function createRole(name: string, trust: string): Promise<{ roleId: string; arn: string }> {
  return dataOf(await env.call<{ createRole: { roleId: string; arn: string } }>(root, CREATE_ROLE, { name, t: trust }))
    .createRole;
}

async function decide(roleArn: string, action: string, resource: string): Promise<string> {
  const data = dataOf(
    await env.call<{ role: { canPerform: { decision: string } } }>(root, DECIDE, { arn: roleArn, action, resource }),
  );
  return data.role.canPerform.decision;
}

describe('trust and resource policies name IAM principals by unique id', () => {
  it('a deleted and re-created role no longer matches, and the policies show the old unique id', async () => {
    // Given: a role named by another role's trust policy and by a bucket policy
    const rootTrust = naming(`arn:aws:iam::${accountId}:root`, 'sts:AssumeRole');
    const caller = await createRole('Caller', rootTrust);
    const target = await createRole('Target', naming(caller.arn, 'sts:AssumeRole'));
    const bucket = `arn:aws:s3:::unique-ids-${accountId}`;
    dataOf(
      await env.call(root, 'mutation($arn: String!, $p: String!) { createResource(arn: $arn, policy: $p) { arn } }', {
        arn: bucket,
        p: naming(caller.arn, 's3:GetObject', `${bucket}/*`),
      }),
    );
    expect(await decide(caller.arn, 'sts:AssumeRole', target.arn)).toBe('ALLOWED');
    expect(await decide(caller.arn, 's3:GetObject', `${bucket}/key`)).toBe('ALLOWED');

    // When: the role is deleted and re-created with the same name
    dataOf(await env.call(root, 'mutation { deleteRole(roleName: "Caller") { deletedId } }'));
    const again = await createRole('Caller', rootTrust);

    // Then: the policies name the old role's unique id, which the new role does not hold
    expect(again.arn).toBe(caller.arn);
    expect(again.roleId).not.toBe(caller.roleId);
    const read = dataOf(
      await env.call<{ role: { assumeRolePolicyDocument: string }; resource: { policy: string } }>(
        root,
        'query($role: String!, $bucket: String!) { role(arn: $role) { assumeRolePolicyDocument } resource(arn: $bucket) { policy } }',
        { role: target.arn, bucket },
      ),
    );
    expect(read.role.assumeRolePolicyDocument).toBe(naming(caller.roleId, 'sts:AssumeRole'));
    expect(read.resource.policy).toBe(naming(caller.roleId, 's3:GetObject', `${bucket}/*`));
    expect(await decide(again.arn, 'sts:AssumeRole', target.arn)).toBe('IMPLICIT_DENY');
    expect(await decide(again.arn, 's3:GetObject', `${bucket}/key`)).toBe('IMPLICIT_DENY');

    // And: the policy as shown can be saved again; naming the new role (here by its unique id) binds it, and
    // IAM shows an existing principal by its ARN
    const updateTrust = (t: string) =>
      env.call(
        root,
        'mutation($t: String!) { updateAssumeRolePolicy(roleName: "Target", policyDocument: $t) { assumeRolePolicyDocument } }',
        { t },
      );
    dataOf(await updateTrust(read.role.assumeRolePolicyDocument));
    expect(await decide(again.arn, 'sts:AssumeRole', target.arn)).toBe('IMPLICIT_DENY');
    const rebound = dataOf(await updateTrust(naming(again.roleId, 'sts:AssumeRole')));
    expect(rebound.updateAssumeRolePolicy.assumeRolePolicyDocument).toBe(naming(again.arn, 'sts:AssumeRole'));
    expect(await decide(again.arn, 'sts:AssumeRole', target.arn)).toBe('ALLOWED');
  });

  it('a deleted user is shown by its unique id in the trust policies that named it', async () => {
    const user = dataOf(
      await env.call<{ createUser: { userId: string; arn: string } }>(
        root,
        'mutation { createUser(userName: "leaver") { userId arn } }',
      ),
    ).createUser;
    const trusting = await createRole('TrustsLeaver', naming(user.arn, 'sts:AssumeRole'));
    dataOf(await env.call(root, 'mutation { deleteUser(userName: "leaver") { deletedId } }'));
    const read = dataOf(
      await env.call<{ role: { assumeRolePolicyDocument: string } }>(
        root,
        'query($arn: String!) { role(arn: $arn) { assumeRolePolicyDocument } }',
        { arn: trusting.arn },
      ),
    );
    expect(read.role.assumeRolePolicyDocument).toBe(naming(user.userId, 'sts:AssumeRole'));
  });
});
