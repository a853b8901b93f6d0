import { allow, dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

/** What {@link arrangeCrossAccount} builds: account A (an organization's management account) full of data, and outsiders in B. */
export interface CrossAccount {
  env: Awaited<ReturnType<typeof startManagementServer>>;
  /** A: the management account of an organization, with a user, group, role, policy, bucket and a session. */
  a: {
    accountId: string;
    root: Key;
    organizationId: string;
    rootId: string;
    bucket: string;
    userArn: string;
    roleArn: string;
    policyArn: string;
    groupArn: string;
  };
  /** A member account of A's organization. */
  member: { accountId: string; root: Key };
  /** B: a standalone account with a role that A's session chained into. */
  b: { accountId: string; root: Key; sharedRoleArn: string; chainedSessionId: string; parentSessionId: string };
  /** A user of B with no policies at all. */
  nobody: Key;
  /** A user of B allowed to read B's roles and to describe organizations and accounts. */
  reader: Key;
}

const trust = (principal: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
  });

const ASSUME =
  'mutation($input: AssumeRoleInput!) { assumeRole(input: $input) { credentials { accessKeyId secretAccessKey sessionToken } } }';

async function keyFor(env: CrossAccount['env'], root: Key, userName: string, policy?: string): Promise<Key> {
  dataOf(await env.call(root, 'mutation($n: String!) { createUser(userName: $n) { arn } }', { n: userName }));
  if (policy)
    dataOf(
      await env.call(
        root,
        'mutation($n: String!, $d: String!) { putUserPolicy(userName: $n, policyName: "p", policyDocument: $d) { arn } }',
        { n: userName, d: policy },
      ),
    );
  return dataOf(
    await env.call<{ createAccessKey: Key }>(
      root,
      'mutation($n: String!) { createAccessKey(userName: $n) { accessKeyId secretAccessKey } }',
      { n: userName },
    ),
  ).createAccessKey;
}

async function assume(env: CrossAccount['env'], key: Key, roleArn: string, name: string): Promise<Key> {
  const data = dataOf(
    await env.call<{ assumeRole: { credentials: Key } }>(key, ASSUME, { input: { roleArn, roleSessionName: name } }),
  );
  return data.assumeRole.credentials;
}

/**
 * Builds the situation of issue 10 through the API, as a user would: account A is an organization's
 * management account holding every kind of object (with an SCP, a bucket policy and a session), B is another
 * account whose role A's session chained into, and B has a user with no policies and a user with a few reads.
 */
export async function arrangeCrossAccount(options: { onQuery?: (sql: string) => void } = {}): Promise<CrossAccount> {
  const env = await startManagementServer(options);
  const a = await env.createAccount('account-a');
  const organization = dataOf(
    await env.call<{ createOrganization: { organizationId: string; root: { unitId: string } } }>(
      a.root,
      'mutation { createOrganization { organizationId root { unitId } } }',
    ),
  ).createOrganization;
  const member = await env.createAccount('account-a-member', a.root);
  const b = await env.createAccount('account-b');
  const bucket = 'arn:aws:s3:::a-private-bucket';
  const roleArn = `arn:aws:iam::${a.accountId}:role/app`;
  const sharedRoleArn = `arn:aws:iam::${b.accountId}:role/shared`;
  dataOf(
    await env.call(
      a.root,
      'mutation($t: String!, $d: String!) { createRole(roleName: "app", assumeRolePolicyDocument: $t) { arn } putRolePolicy(roleName: "app", policyName: "chain", policyDocument: $d) { arn } }',
      { t: trust(a.accountId), d: allow('sts:AssumeRole') },
    ),
  );
  dataOf(await env.call(a.root, 'mutation { createGroup(groupName: "devs") { arn } }'));
  const policyArn = dataOf(
    await env.call<{ createPolicy: { arn: string } }>(
      a.root,
      'mutation($d: String!) { createPolicy(policyName: "ReadStuff", policyDocument: $d) { arn } }',
      { d: allow('s3:GetObject') },
    ),
  ).createPolicy.arn;
  const bucketPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Partner',
        Effect: 'Allow',
        Principal: { AWS: '999988887777' },
        Action: 's3:GetObject',
        Resource: `${bucket}/*`,
      },
    ],
  });
  dataOf(
    await env.call(a.root, 'mutation($arn: String!, $p: String) { createResource(arn: $arn, policy: $p) { arn } }', {
      arn: bucket,
      p: bucketPolicy,
    }),
  );
  dataOf(
    await env.call(
      a.root,
      'mutation($c: String!) { createOrganizationPolicy(name: "Guard", content: $c, type: SERVICE_CONTROL_POLICY) { policyId } }',
      {
        c: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'iam:DeleteAccountPasswordPolicy', Resource: '*' }],
        }),
      },
    ),
  );
  const alice = await keyFor(env, a.root, 'alice', allow(['sts:AssumeRole', 's3:GetObject']));
  dataOf(
    await env.call(
      b.root,
      'mutation($t: String!) { createRole(roleName: "shared", assumeRolePolicyDocument: $t) { arn } }',
      { t: trust(a.accountId) },
    ),
  );
  const parent = await assume(env, alice, roleArn, 'first');
  const chained = await assume(env, parent, sharedRoleArn, 'second');
  const nobody = await keyFor(env, b.root, 'nobody');
  const reader = await keyFor(
    env,
    b.root,
    'reader',
    allow(['iam:GetRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'organizations:DescribeAccount']),
  );
  return {
    env,
    a: {
      ...a,
      organizationId: organization.organizationId,
      rootId: organization.root.unitId,
      bucket,
      userArn: `arn:aws:iam::${a.accountId}:user/alice`,
      roleArn,
      policyArn,
      groupArn: `arn:aws:iam::${a.accountId}:group/devs`,
    },
    member,
    b: { ...b, sharedRoleArn, chainedSessionId: chained.accessKeyId, parentSessionId: parent.accessKeyId },
    nobody,
    reader,
  };
}
