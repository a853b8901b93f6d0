import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;
let other: { accountId: string; root: Key };

const trust = (principal: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
  });

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('roles'));
  other = await env.createAccount('other');
  dataOf(
    await env.call(
      root,
      'mutation($t: String!) { createRole(roleName: "deployer", path: "/ci/", assumeRolePolicyDocument: $t, description: "CI") { arn } }',
      { t: trust(`arn:aws:iam::${other.accountId}:root`) },
    ),
  );
});
afterAll(() => env?.server.close());

describe('roles', () => {
  it('validates trust policies and session durations with AWS codes, writing nothing', async () => {
    const noPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
    });
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($t: String!) { createRole(roleName: "bad", assumeRolePolicyDocument: $t) { arn } }',
          { t: noPrincipal },
        ),
      ).code,
    ).toBe('MalformedPolicyDocument');
    const tooLong = errorOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "bad", assumeRolePolicyDocument: $t, maxSessionDuration: 50000) { arn } }',
        { t: trust(accountId) },
      ),
    );
    expect(tooLong).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    });
    const principals = Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${other.accountId}:role/trusted-role-${i}`);
    const oversizedTrust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }],
    });
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($t: String!) { createRole(roleName: "bad", assumeRolePolicyDocument: $t) { arn } }',
          { t: oversizedTrust },
        ),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
    expect(await env.prisma.role.count({ where: { accountId, name: 'bad' } })).toBe(0);
  });

  it('updates the trust policy, description, session duration and tags', async () => {
    const updated = dataOf(
      await env.call<{ updateRole: { maxSessionDuration: number; description: string } }>(
        root,
        'mutation { updateRole(roleName: "deployer", description: "deploys", maxSessionDuration: 7200) { maxSessionDuration description } }',
      ),
    );
    expect(updated.updateRole).toEqual({ maxSessionDuration: 7200, description: 'deploys' });
    const trusted = dataOf(
      await env.call<{ updateAssumeRolePolicy: { assumeRolePolicyDocument: string } }>(
        root,
        'mutation($t: String!) { updateAssumeRolePolicy(roleName: "deployer", policyDocument: $t) { assumeRolePolicyDocument } }',
        { t: trust(accountId) },
      ),
    );
    expect(trusted.updateAssumeRolePolicy.assumeRolePolicyDocument).toBe(trust(accountId));
    const tagged = dataOf(
      await env.call<{ tagRole: { tags: { key: string; value: string }[] } }>(
        root,
        'mutation { tagRole(roleName: "deployer", tags: [{ key: "env", value: "prod" }]) { tags { key value } } tagAgain: tagRole(roleName: "deployer", tags: [{ key: "ENV", value: "dev" }]) { tags { key value } } }',
      ),
    );
    expect(tagged).toBeTruthy();
    const tags = await env.prisma.tag.findMany({ where: { role: { name: 'deployer', accountId } } });
    expect(tags.map((tag) => [tag.key, tag.value])).toEqual([['ENV', 'dev']]);
  });

  it('manages inline and attached role policies and refuses to delete a role that has them', async () => {
    dataOf(
      await env.call(
        root,
        'mutation($d: String!) { putRolePolicy(roleName: "deployer", policyName: "deploy", policyDocument: $d) { name } }',
        { d: allow('s3:PutObject') },
      ),
    );
    dataOf(
      await env.call(
        root,
        'mutation { attachRolePolicy(roleName: "deployer", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name } }',
      ),
    );
    dataOf(
      await env.call(
        root,
        'mutation { putRolePermissionsBoundary(roleName: "deployer", permissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess") { name } }',
      ),
    );
    expect(errorOf(await env.call(root, 'mutation { deleteRole(roleName: "deployer") { deletedId } }'))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete policies first.',
    });
    dataOf(await env.call(root, 'mutation { deleteRolePolicy(roleName: "deployer", policyName: "deploy") { name } }'));
    expect(
      errorOf(
        await env.call(root, 'mutation { deleteRolePolicy(roleName: "deployer", policyName: "deploy") { name } }'),
      ).code,
    ).toBe('NoSuchEntity');
    expect(errorOf(await env.call(root, 'mutation { deleteRole(roleName: "deployer") { deletedId } }')).message).toBe(
      'Cannot delete entity, must detach all policies first.',
    );
    dataOf(
      await env.call(
        root,
        'mutation { detachRolePolicy(roleName: "deployer", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name } }',
      ),
    );
    expect(dataOf(await env.call(root, 'mutation { deleteRole(roleName: "deployer") { arn } }'))).toEqual({
      deleteRole: { arn: `arn:aws:iam::${accountId}:role/ci/deployer` },
    });
  });

  it('keeps a role inline policy total within 10240 characters', async () => {
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "big", assumeRolePolicyDocument: $t) { arn } }',
        { t: trust(accountId) },
      ),
    );
    const actions = Array.from({ length: 170 }, (_, i) => `s3:GetObjectNumber${i}`);
    const big = allow(actions.slice(0, 170));
    for (const name of ['one', 'two']) {
      dataOf(
        await env.call(
          root,
          'mutation($d: String!, $n: String!) { putRolePolicy(roleName: "big", policyName: $n, policyDocument: $d) { name } }',
          { d: big, n: name },
        ),
      );
    }
    const over = errorOf(
      await env.call(
        root,
        'mutation($d: String!) { putRolePolicy(roleName: "big", policyName: "three", policyDocument: $d) { name } }',
        { d: big },
      ),
    );
    expect(over).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 10240 bytes exceeded for role big',
    });
  });

  it('is denied in another account, as IAM has no cross-account writes', async () => {
    const response = await env.call(
      other.root,
      `mutation($t: String!) { createRole(roleName: "x", assumeRolePolicyDocument: $t, actingAccountId: "${accountId}") { arn } }`,
      { t: trust(accountId) },
    );
    expect(errorOf(response).message).toBe(
      `User: arn:aws:iam::${other.accountId}:root is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${accountId}:role/x because no resource-based policy allows the iam:CreateRole action`,
    );
  });
});

describe('virtual MFA devices', () => {
  it('creates a device and enables it for a user with two consecutive codes', async () => {
    dataOf(await env.call(root, 'mutation { createUser(userName: "carol") { name } }'));
    const device = dataOf(
      await env.call<{ createVirtualMFADevice: { serialNumber: string; base32StringSeed: string } }>(
        root,
        'mutation { createVirtualMFADevice(virtualMFADeviceName: "carol-phone") { serialNumber base32StringSeed otpauthUri } }',
      ),
    ).createVirtualMFADevice;
    expect(device.serialNumber).toBe(`arn:aws:iam::${accountId}:mfa/carol-phone`);
    const stored = await env.prisma.mfaDevice.findUniqueOrThrow({ where: { serialNumber: device.serialNumber } });
    expect(stored.seedEncrypted).not.toContain(device.base32StringSeed);
    const enable =
      'mutation($s: String!, $a: String!, $b: String!) { enableMFADevice(userName: "carol", serialNumber: $s, authenticationCode1: $a, authenticationCode2: $b) { name } }';
    const now = Date.now();
    const wrong = errorOf(await env.call(root, enable, { s: device.serialNumber, a: '000000', b: '000000' }));
    expect(wrong.code).toBe('InvalidAuthenticationCode');
    const codes = {
      a: generateTotpCode(device.base32StringSeed, new Date(now - 30_000)),
      b: generateTotpCode(device.base32StringSeed, new Date(now)),
    };
    dataOf(await env.call(root, enable, { s: device.serialNumber, ...codes }));
    const enabled = await env.prisma.mfaDevice.findUniqueOrThrow({
      where: { serialNumber: device.serialNumber },
      include: { user: true },
    });
    expect(enabled.user?.name).toBe('carol');
    expect(enabled.enabledAt).not.toBeNull();
  });
});

describe('resources', () => {
  const bucket = 'arn:aws:s3:::roles-test-bucket';
  const bucketPolicy = (principal: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: `${bucket}/*` }],
    });

  it('creates a resource with a policy and tags, and replaces its policy', async () => {
    const created = dataOf(
      await env.call<{ createResource: Record<string, unknown> }>(
        root,
        'mutation($arn: String!, $p: String) { createResource(arn: $arn, policy: $p, tags: [{ key: "data", value: "public" }]) { arn service resourceType policy tags { key value } } }',
        { arn: bucket, p: bucketPolicy(accountId) },
      ),
    );
    expect(created.createResource).toMatchObject({
      service: 's3',
      resourceType: 'bucket',
      tags: [{ key: 'data', value: 'public' }],
    });
    const replaced = dataOf(
      await env.call<{ putResourcePolicy: { policy: string } }>(
        root,
        'mutation($arn: String!, $p: String!) { putResourcePolicy(resourceArn: $arn, policy: $p) { policy } }',
        { arn: bucket, p: bucketPolicy(other.accountId) },
      ),
    );
    expect(replaced.putResourcePolicy.policy).toBe(bucketPolicy(other.accountId));
    expect(
      errorOf(await env.call(root, 'mutation($arn: String!) { createResource(arn: $arn) { arn } }', { arn: bucket }))
        .code,
    ).toBe('EntityAlreadyExists');
  });

  it("validates resource policies and refuses another account's resource", async () => {
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($p: String!) { createResource(arn: "arn:aws:s3:::nopolicy", policy: $p) { arn } }',
          { p: allow('s3:*') },
        ),
      ).code,
    ).toBe('MalformedPolicyDocument');
    const foreignQueue = `arn:aws:sqs:us-east-1:${other.accountId}:jobs`;
    expect(
      errorOf(
        await env.call(root, 'mutation($arn: String!) { createResource(arn: $arn) { arn } }', { arn: foreignQueue }),
      ).code,
    ).toBe('AccessDenied');
    expect(await env.prisma.resource.count({ where: { arn: { in: ['arn:aws:s3:::nopolicy', foreignQueue] } } })).toBe(
      0,
    );
  });
});
