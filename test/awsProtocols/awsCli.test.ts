import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { allow, type Key } from '../management/managementTestServer.js';
import { startAwsTestServer } from './awsTestServer.js';

const run = promisify(execFile);
const version = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const versionText = `${version.stdout ?? ''}${version.stderr ?? ''}`.trim();

/** Whether the CLI reads AWS_ENDPOINT_URL (service-specific endpoints arrived in v1.29.0 and v2.13.0). */
function readsEndpointUrl(text: string): boolean {
  const match = /aws-cli\/(\d+)\.(\d+)\./.exec(text);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major === 1 ? minor >= 29 : major === 2 ? minor >= 13 : major > 2;
}

const cliAvailable = version.status === 0;
if (!cliAvailable) {
  // The CI script installs Debian's awscli; a machine without it cannot run this end-to-end test.
  console.warn(
    `skipping the AWS CLI end-to-end test: \`aws --version\` failed (${version.error?.message ?? versionText}); install the CLI (apt-get install awscli) to run it`,
  );
}
/**
 * A CLI older than AWS_ENDPOINT_URL (Debian bookworm's 2.9) still reaches the playground with `--endpoint-url`
 * on each command, but its own AssumeRole for a `role_arn` profile would go to AWS: that part needs a newer CLI.
 */
const endpointFromEnvironment = readsEndpointUrl(versionText);
if (cliAvailable && !endpointFromEnvironment) {
  console.warn(
    `skipping the role_arn profile part of the AWS CLI test: ${versionText} predates AWS_ENDPOINT_URL (AWS CLI v1.29 / v2.13)`,
  );
}

const boto3 = spawnSync('python3', ['-c', 'import boto3; print(boto3.__version__)'], { encoding: 'utf8' });
const boto3Available = boto3.status === 0;
if (!boto3Available)
  console.warn(
    `skipping the boto3 end-to-end test: python3 cannot import boto3 (${boto3.error?.message ?? boto3.stderr.trim().split('\n').at(-1)})`,
  );

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let accountId: string;
let home: string;
let root: Key;

/** Runs the AWS CLI against the test server with a config of its own: AWS_ENDPOINT_URL, as the README shows. */
async function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ENDPOINT_URL: aws.server.url,
    AWS_PAGER: '',
    ...extraEnv,
  };
  try {
    const endpoint = endpointFromEnvironment ? [] : ['--endpoint-url', aws.server.url];
    const { stdout, stderr } = await run('aws', [...args, ...endpoint, '--output', 'json'], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

const json = (result: { code: number; stdout: string; stderr: string }) => {
  if (result.code !== 0) throw new Error(`aws failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, any>;
};

beforeAll(async () => {
  if (!cliAvailable && !boto3Available) return;
  aws = await startAwsTestServer();
  ({ accountId, root } = await aws.createAccount('cli'));
  home = mkdtempSync(join(tmpdir(), 'iam-playground-cli-'));
  // AWS refuses AssumeRole to the root user, so the role_arn profile's source is an IAM user (as in the README's walkthrough)
  const iam = aws.iam(root);
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'all', PolicyDocument: allow('*') }));
  const alice = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  writeFileSync(
    join(home, 'credentials'),
    `[default]\naws_access_key_id = ${root.accessKeyId}\naws_secret_access_key = ${root.secretAccessKey}\n\n[alice]\naws_access_key_id = ${alice.AccessKeyId}\naws_secret_access_key = ${alice.SecretAccessKey}\n`,
  );
  writeFileSync(
    join(home, 'config'),
    `[default]\nregion = us-east-1\n\n[profile alice]\nregion = us-east-1\n\n[profile admin]\nrole_arn = arn:aws:iam::${accountId}:role/Admin\nsource_profile = alice\nrole_session_name = cli-admin\nregion = us-east-1\n`,
  );
}, 60_000);
afterAll(async () => {
  if (!cliAvailable && !boto3Available) return;
  await aws.server.close();
  rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!cliAvailable)(`the AWS CLI (${versionText}) against the playground`, () => {
  it('runs the README walkthrough: identity, a role, a profile that assumes it, IAM and Organizations, and errors with AWS codes', async () => {
    // Given the account's root credentials in the default profile
    expect(json(await cli(['sts', 'get-caller-identity']))).toEqual({
      UserId: accountId,
      Account: accountId,
      Arn: `arn:aws:iam::${accountId}:root`,
    });

    // When the CLI creates a role the account trusts, with a policy
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
    });
    writeFileSync(join(home, 'trust.json'), trust);
    const role = json(
      await cli([
        'iam',
        'create-role',
        '--role-name',
        'Admin',
        '--assume-role-policy-document',
        `file://${join(home, 'trust.json')}`,
      ]),
    );
    expect(role.Role.Arn).toBe(`arn:aws:iam::${accountId}:role/Admin`);
    const attached = await cli([
      'iam',
      'attach-role-policy',
      '--role-name',
      'Admin',
      '--policy-arn',
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
    expect([attached.code, attached.stderr]).toEqual([0, '']);
    // The CLI decodes IAM's URL-encoded policy documents itself
    expect(json(await cli(['iam', 'get-role', '--role-name', 'Admin'])).Role.AssumeRolePolicyDocument).toEqual(
      JSON.parse(trust),
    );

    // Then the admin profile (role_arn + source_profile) makes the CLI call AssumeRole itself
    if (endpointFromEnvironment) {
      expect(json(await cli(['sts', 'get-caller-identity', '--profile', 'admin'])).Arn).toBe(
        `arn:aws:sts::${accountId}:assumed-role/Admin/cli-admin`,
      );
      expect(
        json(await cli(['iam', 'list-roles', '--profile', 'admin'])).Roles.map((r: { RoleName: string }) => r.RoleName),
      ).toContain('Admin');
    }
    const assumed = json(
      await cli([
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${accountId}:role/Admin`,
        '--role-session-name',
        'by-hand',
        '--profile',
        'alice',
      ]),
    );
    expect(assumed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/Admin/by-hand`);

    // Organizations over JSON 1.1
    const organization = json(await cli(['organizations', 'create-organization']));
    expect(organization.Organization.MasterAccountId).toBe(accountId);
    expect(json(await cli(['organizations', 'list-roots'])).Roots).toHaveLength(1);

    // Errors reach the CLI with AWS's codes
    const missing = await cli(['iam', 'get-role', '--role-name', 'Nobody']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(
      'An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name Nobody cannot be found.',
    );
    const badKey = await cli(['sts', 'get-caller-identity'], {
      AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000',
      AWS_SECRET_ACCESS_KEY: 'x'.repeat(40),
    });
    expect(badKey.stderr).toContain('(InvalidClientTokenId)');
    const denied = await cli(['organizations', 'describe-organization'], {
      AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: 'y'.repeat(40),
      AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
    });
    expect(denied.stderr).toContain('(InvalidSignatureException)');
  }, 120_000);

  it('exchanges a token minted by the built-in issuer with `aws sts assume-role-with-web-identity`, unsigned, and from a web_identity_token_file profile', async () => {
    // Given an OIDC provider for the built-in issuer and a role it may assume, made with the CLI
    const issuerKey = 'oidc.iam-playground.local/ci';
    const provider = json(
      await cli([
        'iam',
        'create-open-id-connect-provider',
        '--url',
        `https://${issuerKey}`,
        '--client-id-list',
        'sts.amazonaws.com',
      ]),
    );
    expect(provider.OpenIDConnectProviderArn).toBe(`arn:aws:iam::${accountId}:oidc-provider/${issuerKey}`);
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: provider.OpenIDConnectProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${issuerKey}:sub`]: 'repo:acme/app:ref:refs/heads/main' } },
        },
      ],
    };
    writeFileSync(join(home, 'web-trust.json'), JSON.stringify(trust));
    json(
      await cli([
        'iam',
        'create-role',
        '--role-name',
        'CiDeploy',
        '--assume-role-policy-document',
        `file://${join(home, 'web-trust.json')}`,
      ]),
    );
    const mint = async (subject: string, audience: string) => {
      const minted = await aws.call<{ mintOidcToken: { token: string } }>(
        root,
        'mutation($input: MintOidcTokenInput!) { mintOidcToken(input: $input) { token } }',
        { input: { issuer: 'ci', subject, audience: [audience] } },
      );
      expect(minted.errors).toBeUndefined();
      return minted.data!.mintOidcToken.token;
    };
    const roleArn = `arn:aws:iam::${accountId}:role/CiDeploy`;
    // When the CLI exchanges a minted token, with no credentials anywhere
    const noCredentials = {
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_DEFAULT_REGION: 'us-east-1',
    };
    const token = await mint('repo:acme/app:ref:refs/heads/main', 'sts.amazonaws.com');
    const assumed = json(
      await cli(
        [
          'sts',
          'assume-role-with-web-identity',
          '--role-arn',
          roleArn,
          '--role-session-name',
          'ci',
          '--web-identity-token',
          token,
        ],
        noCredentials,
      ),
    );
    // Then STS's answer arrives as the CLI prints it
    expect(assumed).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:acme/app:ref:refs/heads/main',
      Provider: `https://${issuerKey}`,
      Audience: 'sts.amazonaws.com',
      AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/CiDeploy/ci` },
    });
    // And a wrong audience reaches the CLI with STS's code
    const wrongAudience = await cli(
      [
        'sts',
        'assume-role-with-web-identity',
        '--role-arn',
        roleArn,
        '--role-session-name',
        'ci',
        '--web-identity-token',
        await mint('repo:acme/app:ref:refs/heads/main', 'other'),
      ],
      noCredentials,
    );
    expect(wrongAudience.code).not.toBe(0);
    expect(wrongAudience.stderr).toContain(
      'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience',
    );

    // A profile with role_arn + web_identity_token_file makes the CLI call AssumeRoleWithWebIdentity itself
    if (endpointFromEnvironment) {
      writeFileSync(join(home, 'token'), token);
      writeFileSync(
        join(home, 'web-config'),
        `[default]\nregion = us-east-1\nrole_arn = ${roleArn}\nweb_identity_token_file = ${join(home, 'token')}\nrole_session_name = from-file\n`,
      );
      const identity = json(
        await cli(['sts', 'get-caller-identity'], {
          AWS_CONFIG_FILE: join(home, 'web-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
        }),
      );
      expect(identity.Arn).toBe(`arn:aws:sts::${accountId}:assumed-role/CiDeploy/from-file`);
    }
  }, 120_000);

  it('issues a federated user with `aws sts get-federation-token`', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    writeFileSync(join(home, 'federated.json'), policy);
    const token = json(
      await cli([
        'sts',
        'get-federation-token',
        '--name',
        'cli-user',
        '--duration-seconds',
        '900',
        '--policy',
        `file://${join(home, 'federated.json')}`,
        '--profile',
        'alice',
      ]),
    );
    expect(token.FederatedUser).toEqual({
      Arn: `arn:aws:sts::${accountId}:federated-user/cli-user`,
      FederatedUserId: `${accountId}:cli-user`,
    });
    const identity = json(
      await cli(['sts', 'get-caller-identity'], {
        AWS_ACCESS_KEY_ID: token.Credentials.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: token.Credentials.SecretAccessKey,
        AWS_SESSION_TOKEN: token.Credentials.SessionToken,
      }),
    );
    expect(identity.Arn).toBe(`arn:aws:sts::${accountId}:federated-user/cli-user`);
  }, 60_000);
});

describe.skipIf(!boto3Available)(`boto3 ${boto3.stdout.trim()} against the playground`, () => {
  it('reads a profile with the endpoint in it, as the README shows, and pages IAM lists with its paginator', async () => {
    const script = [
      'import boto3, json, sys',
      "session = boto3.Session(profile_name='default')",
      "iam = session.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')",
      "sts = session.client('sts', endpoint_url=sys.argv[1], region_name='us-east-1')",
      "iam.create_role(RoleName='boto', AssumeRolePolicyDocument=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': sys.argv[2]}, 'Action': 'sts:AssumeRole'}]}))",
      "roles = [r['RoleName'] for page in iam.get_paginator('list_roles').paginate(PaginationConfig={'PageSize': 1}) for r in page['Roles']]",
      "print(json.dumps({'arn': sts.get_caller_identity()['Arn'], 'roles': roles}))",
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script, aws.server.url, accountId], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      },
      timeout: 60_000,
    });
    const result = JSON.parse(stdout) as { arn: string; roles: string[] };
    expect(result.arn).toBe(`arn:aws:iam::${accountId}:root`);
    expect(result.roles).toContain('boto');
    // IAM lists roles by name, case-insensitively
    expect(result.roles).toEqual([...result.roles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  }, 60_000);
});
