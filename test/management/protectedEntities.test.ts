import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let accountId: string;
let root: Key;

const trust = (account: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  });

beforeAll(async () => {
  env = await startManagementServer();
  ({ accountId, root } = await env.createAccount('protected'));
});
afterAll(() => env?.server.close());

describe('entities AWS owns', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html: a service-linked role
  // is changed only by its service; IAM answers UnmodifiableEntity ("Cannot perform the operation on the protected role").
  it('refuses changes to a service-linked role, but lets it be tagged', async () => {
    // Given: a service-linked role (stored as the service would create it)
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "AWSServiceRoleForSupport", assumeRolePolicyDocument: $t) { name } }',
        { t: trust(accountId) },
      ),
    );
    await env.prisma.role.updateMany({
      where: { accountId, name: 'AWSServiceRoleForSupport' },
      data: { path: '/aws-service-role/support.amazonaws.com/' },
    });
    const message =
      "Cannot perform the operation on the protected role 'AWSServiceRoleForSupport' - this role is only modifiable by AWS";
    // When / Then
    for (const mutation of [
      `mutation { putRolePolicy(roleName: "AWSServiceRoleForSupport", policyName: "p", policyDocument: ${JSON.stringify(allow('s3:*'))}) { name } }`,
      'mutation { attachRolePolicy(roleName: "AWSServiceRoleForSupport", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess") { name } }',
      `mutation { updateAssumeRolePolicy(roleName: "AWSServiceRoleForSupport", policyDocument: ${JSON.stringify(trust(accountId))}) { name } }`,
      'mutation { deleteRole(roleName: "AWSServiceRoleForSupport") { deletedId } }',
    ]) {
      expect(errorOf(await env.call(root, mutation)), mutation).toEqual({ code: 'UnmodifiableEntity', message });
    }
    dataOf(
      await env.call(
        root,
        'mutation { tagRole(roleName: "AWSServiceRoleForSupport", tags: [{ key: "team", value: "ops" }]) { name } }',
      ),
    );
  });

  it('refuses changes to IAM Identity Center roles (AWSReservedSSO_*)', async () => {
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "AWSReservedSSO_Admin_0123456789abcdef", assumeRolePolicyDocument: $t) { name } }',
        { t: trust(accountId) },
      ),
    );
    expect(
      errorOf(
        await env.call(
          root,
          'mutation { deleteRole(roleName: "AWSReservedSSO_Admin_0123456789abcdef") { deletedId } }',
        ),
      ).code,
    ).toBe('UnmodifiableEntity');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html: the aws: prefix is reserved for AWS.
  it('refuses tag keys beginning with aws: on users and roles', async () => {
    const error = errorOf(
      await env.call(
        root,
        'mutation { createUser(userName: "tagged", tags: [{ key: "aws:team", value: "x" }]) { name } }',
      ),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toContain('aws:team');
    expect(
      errorOf(
        await env.call(
          root,
          'mutation { tagRole(roleName: "AWSServiceRoleForSupport", tags: [{ key: "AWS:x", value: "y" }]) { name } }',
        ),
      ).code,
    ).toBe('InvalidInput');
  });

  // https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html: alias/aws/ is reserved for AWS managed keys.
  it('refuses creating an alias/aws/ KMS alias', async () => {
    const error = errorOf(
      await env.call(
        root,
        `mutation { createResource(arn: "arn:aws:kms:us-east-1:${accountId}:alias/aws/s3") { arn } }`,
      ),
    );
    expect(error.code).toBe('InvalidAliasNameException');
  });

  it('refuses changing an AWS managed KMS alias that exists in the account', async () => {
    // Given: the alias AWS created for its managed EBS key
    const arn = `arn:aws:kms:us-east-1:${accountId}:alias/aws/ebs`;
    await env.prisma.resource.create({ data: { arn, accountId, service: 'kms', resourceType: 'alias' } });
    // When / Then
    const error = errorOf(
      await env.call(
        root,
        'mutation($arn: String!, $p: String!) { putResourcePolicy(resourceArn: $arn, policy: $p) { arn } }',
        {
          arn,
          p: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: accountId }, Action: 'kms:*', Resource: '*' }],
          }),
        },
      ),
    );
    expect(error.code).toBe('InvalidAliasNameException');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html: the root user cannot assume roles.
  it('refuses AssumeRole by an account root user', async () => {
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "Target", assumeRolePolicyDocument: $t) { name } }',
        { t: trust(accountId) },
      ),
    );
    const error = errorOf(
      await env.call(
        root,
        'mutation($arn: String!) { assumeRole(input: { roleArn: $arn, roleSessionName: "root-session" }) { assumedRoleUser { arn } } }',
        { arn: `arn:aws:iam::${accountId}:role/Target` },
      ),
    );
    expect(error).toEqual({ code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html: IAM stores a
  // named user or role by its unique id, and refuses a policy naming one that does not exist.
  it('refuses a trust or resource policy naming a user or role that does not exist', async () => {
    const naming = (arn: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }],
      });
    const missing = `arn:aws:iam::${accountId}:role/NoSuchRole`;
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($t: String!) { createRole(roleName: "Trusting", assumeRolePolicyDocument: $t) { name } }',
          { t: naming(missing) },
        ),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: `Invalid principal in policy: "AWS":"${missing}"`,
    });
    dataOf(await env.call(root, 'mutation { createUser(userName: "trusted") { name } }'));
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { createRole(roleName: "Trusting", assumeRolePolicyDocument: $t) { name } }',
        { t: naming(`arn:aws:iam::${accountId}:user/trusted`) },
      ),
    );
    // An account the playground does not model cannot be asked: its principals are accepted.
    dataOf(
      await env.call(
        root,
        'mutation($t: String!) { updateAssumeRolePolicy(roleName: "Trusting", policyDocument: $t) { name } }',
        { t: naming('arn:aws:iam::999999999999:role/Elsewhere') },
      ),
    );
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:user/ghost` },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::named-bucket/*',
        },
      ],
    });
    expect(
      errorOf(
        await env.call(
          root,
          'mutation($p: String!) { createResource(arn: "arn:aws:s3:::named-bucket", policy: $p) { arn } }',
          { p: bucketPolicy },
        ),
      ).code,
    ).toBe('MalformedPolicyDocument');
  });
});
