import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;

const CREATE_POLICY = `mutation($name: String!, $doc: String!) {
  createPolicy(policyName: $name, policyDocument: $doc, description: "test") { policyId arn defaultVersionId isAwsManaged }
}`;
const CREATE_VERSION = `mutation($arn: String!, $doc: String!, $default: Boolean) {
  createPolicyVersion(policyArn: $arn, policyDocument: $doc, setAsDefault: $default) { versionId isDefaultVersion }
}`;

async function versionsOf(arn: string) {
  return env.prisma.policyVersion.findMany({ where: { policy: { arn } }, orderBy: { versionId: 'asc' } });
}

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('policies'));
});
afterAll(() => env?.server.close());

describe('customer managed policies', () => {
  it('creates a policy with default version v1 and refuses a malformed document', async () => {
    const created = dataOf(
      await env.call<{ createPolicy: Record<string, unknown> }>(root, CREATE_POLICY, {
        name: 'Readers',
        doc: allow('s3:GetObject'),
      }),
    );
    expect(created.createPolicy).toMatchObject({
      arn: `arn:aws:iam::${accountId}:policy/Readers`,
      defaultVersionId: 'v1',
      isAwsManaged: false,
    });
    expect(created.createPolicy.policyId).toMatch(/^ANPA/);
    const malformed = errorOf(
      await env.call(root, CREATE_POLICY, {
        name: 'Broken',
        doc: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}',
      }),
    );
    expect(malformed.code).toBe('MalformedPolicyDocument');
    expect(await env.prisma.managedPolicy.count({ where: { accountId, name: 'Broken' } })).toBe(0);
    // A valid document over the 6,144-character quota is IAM's LimitExceeded, not a malformed document
    const statements = Array.from({ length: 90 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    }));
    const oversized = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    expect(errorOf(await env.call(root, CREATE_POLICY, { name: 'Huge', doc: oversized }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
    expect(await env.prisma.managedPolicy.count({ where: { accountId, name: 'Huge' } })).toBe(0);
    expect(errorOf(await env.call(root, CREATE_POLICY, { name: 'readers', doc: allow('s3:GetObject') }))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'A policy called readers already exists. Duplicate names are not allowed.',
    });
  });

  it('keeps at most five versions, moving the default with setAsDefault', async () => {
    const arn = `arn:aws:iam::${accountId}:policy/Readers`;
    for (let i = 2; i <= 5; i += 1) {
      const version = dataOf(
        await env.call<{ createPolicyVersion: { versionId: string } }>(root, CREATE_VERSION, {
          arn,
          doc: allow(`s3:Get${i}`),
          default: i === 3,
        }),
      );
      expect(version.createPolicyVersion.versionId).toBe(`v${i}`);
    }
    expect(errorOf(await env.call(root, CREATE_VERSION, { arn, doc: allow('s3:Get6') }))).toEqual({
      code: 'LimitExceeded',
      message:
        'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    expect((await versionsOf(arn)).filter((v) => v.isDefault).map((v) => v.versionId)).toEqual(['v3']);
    const set = dataOf(
      await env.call<{ setDefaultPolicyVersion: { defaultVersionId: string } }>(
        root,
        'mutation($arn: String!) { setDefaultPolicyVersion(policyArn: $arn, versionId: "v5") { defaultVersionId } }',
        { arn },
      ),
    );
    expect(set.setDefaultPolicyVersion.defaultVersionId).toBe('v5');
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($arn: String!) { setDefaultPolicyVersion(policyArn: $arn, versionId: "v9") { name } }',
          { arn },
        ),
      ).code,
    ).toBe('NoSuchEntity');
  });

  it('frees a version slot with deletePolicyVersion but never deletes the default', async () => {
    const arn = `arn:aws:iam::${accountId}:policy/Readers`;
    const remove =
      'mutation($arn: String!, $v: String!) { deletePolicyVersion(policyArn: $arn, versionId: $v) { versionId policy { versions { versionId } } } }';
    expect(errorOf(await env.call(root, remove, { arn, v: 'v5' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete the default version of a policy.',
    });
    expect(dataOf(await env.call(root, remove, { arn, v: 'v1' }))).toEqual({
      deletePolicyVersion: {
        versionId: 'v1',
        policy: { versions: ['v2', 'v3', 'v4', 'v5'].map((versionId) => ({ versionId })) },
      },
    });
    const next = dataOf(
      await env.call<{ createPolicyVersion: { versionId: string } }>(root, CREATE_VERSION, {
        arn,
        doc: allow('s3:GetObject'),
      }),
    );
    expect(next.createPolicyVersion.versionId).toBe('v6');
  });

  it('never leaves more than five versions or two defaults under concurrent createPolicyVersion', async () => {
    // Given a policy with only v1
    const name = 'Contended';
    const arn = `arn:aws:iam::${accountId}:policy/${name}`;
    dataOf(await env.call(root, CREATE_POLICY, { name, doc: allow('sqs:SendMessage') }));
    // When twelve requests race to add a default version
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.call(root, CREATE_VERSION, { arn, doc: allow(`sqs:Action${i}`), default: true }),
      ),
    );
    // Then four succeed, the rest fail with LimitExceeded, and exactly one version is the default
    const ok = responses.filter((r) => r.data && !r.errors);
    const failed = responses.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.code);
    expect(ok).toHaveLength(4);
    expect(new Set(failed)).toEqual(new Set(['LimitExceeded']));
    const versions = await versionsOf(arn);
    expect(versions).toHaveLength(5);
    expect(versions.filter((v) => v.isDefault)).toHaveLength(1);
  });

  it('attaches AWS managed and customer policies, and DeleteConflict protects an attached policy', async () => {
    dataOf(await env.call(root, 'mutation { createUser(userName: "bob") { name } }'));
    const attached = dataOf(
      await env.call<{ attachUserPolicy: { attachedPolicies: { name: string }[] } }>(
        root,
        `mutation {
      attachUserPolicy(userName: "bob", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name }
      second: attachUserPolicy(userName: "bob", policyArn: "arn:aws:iam::${accountId}:policy/Readers") { attachedPolicies { name } }
    }`,
      ),
    );
    expect(attached).toBeTruthy();
    expect(await env.prisma.policyAttachment.count({ where: { user: { name: 'bob', accountId } } })).toBe(2);
    const malformed = errorOf(
      await env.call(root, 'mutation { attachUserPolicy(userName: "bob", policyArn: "ReadOnlyAccess") { name } }'),
    );
    expect(malformed).toEqual({ code: 'InvalidInput', message: 'ARN ReadOnlyAccess is not valid.' });
    const missing = errorOf(
      await env.call(
        root,
        'mutation { attachUserPolicy(userName: "bob", policyArn: "arn:aws:iam::aws:policy/NoSuchPolicy") { name } }',
      ),
    );
    expect(missing).toEqual({
      code: 'NoSuchEntity',
      message: 'Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.',
    });
    const conflict = errorOf(
      await env.call(
        root,
        `mutation { deletePolicy(policyArn: "arn:aws:iam::${accountId}:policy/Readers") { deletedId } }`,
      ),
    );
    expect(conflict).toEqual({ code: 'DeleteConflict', message: 'Cannot delete a policy attached to entities.' });
    // A policy with versions besides the default cannot be deleted until they are (AWS's DeleteConflict)
    const contended = `arn:aws:iam::${accountId}:policy/Contended`;
    const deleteContended = `mutation { deletePolicy(policyArn: "${contended}") { deletedId arn } }`;
    expect(errorOf(await env.call(root, deleteContended))).toEqual({
      code: 'DeleteConflict',
      message:
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
    expect(await versionsOf(contended)).toHaveLength(5);
    for (const version of (await versionsOf(contended)).filter((v) => !v.isDefault)) {
      dataOf(
        await env.call(
          root,
          'mutation($arn: String!, $v: String!) { deletePolicyVersion(policyArn: $arn, versionId: $v) { versionId } }',
          { arn: contended, v: version.versionId },
        ),
      );
    }
    expect(dataOf(await env.call(root, deleteContended))).toEqual({
      deletePolicy: { deletedId: expect.any(String), arn: contended },
    });
    expect(await versionsOf(contended)).toHaveLength(0);
  });

  it('does not let an account change an AWS managed policy', async () => {
    const response = await env.call(root, CREATE_VERSION, {
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      doc: allow('*'),
    });
    expect(errorOf(response).code).toBe('AccessDenied');
    expect(await versionsOf('arn:aws:iam::aws:policy/ReadOnlyAccess')).toHaveLength(1);
  });

  it('grants through a group: inline and attached group policies reach its members', async () => {
    const key = dataOf(
      await env.call<{ createAccessKey: Key }>(
        root,
        'mutation { createAccessKey(userName: "bob") { accessKeyId secretAccessKey } }',
      ),
    ).createAccessKey;
    const createGroup = 'mutation { createGroup(groupName: "ops") { name } }';
    expect(errorOf(await env.call(key, createGroup)).code).toBe('AccessDenied');
    dataOf(await env.call(root, 'mutation { createGroup(groupName: "admins", path: "/it/") { arn } }'));
    dataOf(
      await env.call(
        root,
        'mutation { attachGroupPolicy(groupName: "admins", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess") { name } }',
      ),
    );
    const joined = dataOf(
      await env.call<{ addUserToGroup: { members: { name: string }[] } }>(
        root,
        'mutation { addUserToGroup(groupName: "admins", userName: "bob") { members { name } } }',
      ),
    );
    expect(joined.addUserToGroup.members.map((m) => m.name)).toEqual(['bob']);
    dataOf(await env.call(key, createGroup));
    dataOf(await env.call(root, 'mutation { removeUserFromGroup(groupName: "admins", userName: "bob") { name } }'));
    expect(errorOf(await env.call(key, 'mutation { createGroup(groupName: "ops2") { name } }')).code).toBe(
      'AccessDenied',
    );
  });

  it('detaches and deletes user and group policies, and deletes an empty group', async () => {
    dataOf(await env.call(root, 'mutation { createGroup(groupName: "temp") { name } }'));
    // ViewOnlyAccess lives under AWS's /job-function/ path, as in AWS.
    expect(
      errorOf(
        await env.call(
          root,
          'mutation { attachGroupPolicy(groupName: "temp", policyArn: "arn:aws:iam::aws:policy/ViewOnlyAccess") { name } }',
        ),
      ).code,
    ).toBe('NoSuchEntity');
    dataOf(
      await env.call(
        root,
        'mutation { attachGroupPolicy(groupName: "temp", policyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess") { name } }',
      ),
    );
    dataOf(
      await env.call(
        root,
        'mutation($d: String!) { putGroupPolicy(groupName: "temp", policyName: "inline", policyDocument: $d) { name } }',
        { d: allow('s3:ListBucket') },
      ),
    );
    expect(errorOf(await env.call(root, 'mutation { deleteGroup(groupName: "temp") { deletedId } }')).message).toBe(
      'Cannot delete entity, must delete policies first.',
    );
    dataOf(await env.call(root, 'mutation { deleteGroupPolicy(groupName: "temp", policyName: "inline") { name } }'));
    dataOf(
      await env.call(
        root,
        'mutation { detachGroupPolicy(groupName: "temp", policyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess") { name } }',
      ),
    );
    expect(dataOf(await env.call(root, 'mutation { deleteGroup(groupName: "temp") { arn } }'))).toEqual({
      deleteGroup: { arn: `arn:aws:iam::${accountId}:group/temp` },
    });
    dataOf(
      await env.call(
        root,
        'mutation { detachUserPolicy(userName: "bob", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name } }',
      ),
    );
    expect(
      errorOf(
        await env.call(
          root,
          'mutation { detachUserPolicy(userName: "bob", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name } }',
        ),
      ).code,
    ).toBe('NoSuchEntity');
  });

  it('limits a user by its permissions boundary', async () => {
    dataOf(
      await env.call(
        root,
        'mutation { putUserPolicy(userName: "bob", policyName: "all", policyDocument: "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}") { name } }',
      ),
    );
    dataOf(
      await env.call(
        root,
        'mutation { putUserPermissionsBoundary(userName: "bob", permissionsBoundary: "arn:aws:iam::aws:policy/AmazonS3FullAccess") { permissionsBoundary { name } } }',
      ),
    );
    const key = await env.prisma.accessKey.findFirstOrThrow({ where: { user: { name: 'bob', accountId } } });
    const secret = env.cipher.decrypt(key.secretEncrypted);
    const denied = errorOf(
      await env.call(
        { accessKeyId: key.id, secretAccessKey: secret },
        'mutation { createGroup(groupName: "ops3") { name } }',
      ),
    );
    expect(denied.message).toContain('because no permissions boundary allows the iam:CreateGroup action');
  });
});
