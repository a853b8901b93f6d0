import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;
let alice: Key;

const CREATE_USER = `mutation($name: String!, $path: String, $tags: [TagInput!]) {
  createUser(userName: $name, path: $path, tags: $tags) { userId name path arn tags { key value } }
}`;
const CREATE_KEY =
  'mutation($name: String) { createAccessKey(userName: $name) { accessKeyId secretAccessKey status userName } }';
const CREATE_ROLE = `mutation($name: String!, $trust: String!, $max: Int) {
  createRole(roleName: $name, assumeRolePolicyDocument: $trust, maxSessionDuration: $max) { roleId arn maxSessionDuration }
}`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('users'));
  dataOf(
    await env.call(root, CREATE_USER, { name: 'alice', path: '/engineering/', tags: [{ key: 'team', value: 'core' }] }),
  );
  const key = dataOf(await env.call<{ createAccessKey: Key }>(root, CREATE_KEY, { name: 'alice' }));
  alice = key.createAccessKey;
});
afterAll(() => env?.server.close());

describe('users and access keys', () => {
  it('creates a user with its path, tags, an AIDA id and an AWS-shaped ARN', async () => {
    const user = await env.prisma.user.findFirstOrThrow({
      where: { accountId, name: 'alice' },
      include: { tags: true },
    });
    expect(user.id).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user.arn).toBe(`arn:aws:iam::${accountId}:user/engineering/alice`);
    expect(user.tags.map((tag) => [tag.key, tag.value])).toEqual([['team', 'core']]);
  });

  it('refuses a duplicate name case-insensitively with EntityAlreadyExists', async () => {
    const response = await env.call(root, CREATE_USER, { name: 'ALICE' });
    expect(errorOf(response)).toEqual({ code: 'EntityAlreadyExists', message: 'User with name ALICE already exists.' });
  });

  it('validates names and paths with AWS messages, writing nothing', async () => {
    const badName = errorOf(await env.call(root, CREATE_USER, { name: 'bad name' }));
    expect(badName.code).toBe('ValidationError');
    expect(badName.message).toBe(
      "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    const badPath = errorOf(await env.call(root, CREATE_USER, { name: 'bob', path: 'nopath' }));
    expect(badPath.code).toBe('ValidationError');
    expect(await env.prisma.user.count({ where: { accountId, nameKey: 'bob' } })).toBe(0);
  });

  it('denies a user without policies with AWS message and audits the decision', async () => {
    const response = await env.call(alice, CREATE_ROLE, { name: 'app', trust: TRUST });
    expect(errorOf(response)).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${accountId}:user/engineering/alice is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${accountId}:role/app because no identity-based policy allows the iam:CreateRole action`,
    });
    const event = await env.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'iam:CreateRole', decision: 'Deny' },
    });
    expect(event).toMatchObject({
      eventName: 'CreateRole',
      principalArn: `arn:aws:iam::${accountId}:user/engineering/alice`,
      resourceArn: `arn:aws:iam::${accountId}:role/app`,
      errorCode: 'AccessDenied',
    });
  });

  it('allows once an inline policy grants the action, and the new key signs requests', async () => {
    dataOf(
      await env.call(
        root,
        'mutation($d: String!) { putUserPolicy(userName: "alice", policyName: "roles", policyDocument: $d) { name inlinePolicies { name } } }',
        { d: allow('iam:CreateRole', `arn:aws:iam::${accountId}:role/app*`) },
      ),
    );
    const created = dataOf(
      await env.call<{ createRole: { roleId: string; arn: string; maxSessionDuration: number } }>(alice, CREATE_ROLE, {
        name: 'app',
        trust: TRUST,
      }),
    );
    expect(created.createRole).toMatchObject({ arn: `arn:aws:iam::${accountId}:role/app`, maxSessionDuration: 3600 });
    expect(created.createRole.roleId).toMatch(/^AROA/);
    const outside = errorOf(await env.call(alice, CREATE_ROLE, { name: 'other', trust: TRUST }));
    expect(outside.code).toBe('AccessDenied');
  });

  it('keeps at most two access keys per user', async () => {
    dataOf(await env.call(root, CREATE_KEY, { name: 'alice' }));
    expect(errorOf(await env.call(root, CREATE_KEY, { name: 'alice' }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
  });

  it('refuses to delete a user that still has keys and policies, then deletes it once they are gone', async () => {
    const DELETE_ALICE = 'mutation { deleteUser(userName: "alice") { deletedId arn } }';
    const conflict = errorOf(await env.call(root, DELETE_ALICE));
    expect(conflict).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete access keys first.',
    });
    const keys = await env.prisma.accessKey.findMany({ where: { user: { name: 'alice' } } });
    for (const key of keys)
      dataOf(
        await env.call(
          root,
          'mutation($id: String!) { deleteAccessKey(accessKeyId: $id, userName: "alice") { accessKeyId userName } }',
          { id: key.id },
        ),
      );
    expect(errorOf(await env.call(root, DELETE_ALICE)).message).toBe(
      'Cannot delete entity, must delete policies first.',
    );
    await env.prisma.inlinePolicy.deleteMany({ where: { user: { name: 'alice' } } });
    const alice = await env.prisma.user.findFirstOrThrow({ where: { accountId, name: 'alice' } });
    const { user } = dataOf(
      await env.call<{ user: { id: string } }>(root, 'query($arn: String!) { user(arn: $arn) { id } }', {
        arn: alice.arn,
      }),
    );
    // The payload names the deleted user by the global id clients cached it under, and that id now names nothing
    expect(dataOf(await env.call(root, DELETE_ALICE))).toEqual({ deleteUser: { deletedId: user.id, arn: alice.arn } });
    expect(dataOf(await env.call(root, 'query($id: ID!) { node(id: $id) { id } }', { id: user.id }))).toEqual({
      node: null,
    });
    expect(errorOf(await env.call(root, DELETE_ALICE))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name alice cannot be found.',
    });
  });

  it('rejects requests without credentials', async () => {
    expect(errorOf(await env.call(null, CREATE_USER, { name: 'anon' })).code).toBe('MissingAuthenticationToken');
  });
});
