import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId, type NodeType } from '../../src/graphql/globalId.js';
import { allow, dataOf, type Key } from '../management/managementTestServer.js';
import { arrangeCrossAccount, type CrossAccount } from './crossAccountFixture.js';

// Issue 10's defects, tried as an attacker would: a user of account B with no policies at all (and one with
// a few reads of its own account) asks about account A through every door the schema has.
let x: CrossAccount;
let nodeIds: [NodeType, string][];

beforeAll(async () => {
  x = await arrangeCrossAccount();
  const prisma = x.env.prisma;
  const [user, group, role, policy, resource, scp] = await Promise.all([
    prisma.user.findFirstOrThrow({ where: { arn: x.a.userArn } }),
    prisma.group.findFirstOrThrow({ where: { arn: x.a.groupArn } }),
    prisma.role.findFirstOrThrow({ where: { arn: x.a.roleArn } }),
    prisma.managedPolicy.findFirstOrThrow({ where: { arn: x.a.policyArn } }),
    prisma.resource.findFirstOrThrow({ where: { arn: x.a.bucket } }),
    prisma.organizationPolicy.findFirstOrThrow({ where: { organizationId: x.a.organizationId, name: 'Guard' } }),
  ]);
  nodeIds = [
    ['Organization', x.a.organizationId],
    ['OrganizationalUnit', x.a.rootId],
    ['OrganizationPolicy', scp.id],
    ['Account', x.a.accountId],
    ['User', user.id],
    ['Group', group.id],
    ['Role', role.id],
    ['ManagedPolicy', policy.id],
    ['Resource', resource.id],
    ['Session', x.b.parentSessionId],
  ];
});
afterAll(() => x?.env.server.close());

const NODE = 'query($id: ID!) { node(id: $id) { id __typename } }';

describe('node(id:) and nodes(ids:) are authorized like the direct lookups', () => {
  it("answers null with AccessDenied for each of account A's objects to a no-policy user of B", async () => {
    for (const [type, key] of nodeIds) {
      const response = await x.env.call(x.nobody, NODE, { id: toGlobalId(type, key) });
      expect(response.data?.node ?? null, type).toBeNull();
      expect(
        response.errors?.map((error) => error.extensions?.code),
        type,
      ).toEqual(['AccessDenied']);
    }
  });

  it('answers each item of nodes(ids:) on its own: null and an AccessDenied error per object', async () => {
    const response = await x.env.call<{ nodes: unknown[] }>(
      x.nobody,
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: nodeIds.map(([type, key]) => toGlobalId(type, key)) },
    );
    expect(response.data?.nodes).toEqual(nodeIds.map(() => null));
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(nodeIds.map(() => 'AccessDenied'));
  });

  it('still gives the operator every object', async () => {
    const response = await x.env.call<{ nodes: { __typename: string }[] }>(
      x.env.operator,
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }',
      { ids: nodeIds.map(([type, key]) => toGlobalId(type, key)) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes.map((node) => node.__typename)).toEqual(nodeIds.map(([type]) => type));
  });
});

describe('nested fields do not cross accounts', () => {
  it("organizations lists only the caller's own organization, so its accounts and SCP documents stay hidden", async () => {
    const response = await x.env.call(
      x.reader,
      '{ organizations { edges { node { organizationId accounts { edges { node { accountId } } } policies { document } } } } }',
    );
    expect(JSON.stringify(response)).not.toContain(x.a.organizationId);
    expect(JSON.stringify(response)).not.toContain('iam:DeleteAccountPasswordPolicy');
  });

  it('denies account(accountId:) of another account, and with it Account.resources', async () => {
    const response = await x.env.call(
      x.reader,
      'query($id: String!) { account(accountId: $id) { accountId resources { edges { node { arn policy } } } } }',
      { id: x.a.accountId },
    );
    // A lookup is nullable (issue 15): null at its path, with the refusal as the error there.
    expect(response.data).toEqual({ account: null });
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(response.errors?.[0]?.path).toEqual(['account']);
    expect(JSON.stringify(response)).not.toContain(x.a.bucket);
  });

  it("denies Session.parentSession when the parent is another account's session", async () => {
    const response = await x.env.call<{ role: { sessions: { accessKeyId: string; parentSession: unknown }[] } }>(
      x.reader,
      'query($arn: String!) { role(arn: $arn) { sessions { accessKeyId parentSession { accessKeyId arn } } } }',
      { arn: x.b.sharedRoleArn },
    );
    expect(response.data?.role.sessions).toEqual([{ accessKeyId: x.b.chainedSessionId, parentSession: null }]);
    expect(response.errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([
      ['AccessDenied', 'role.sessions.0.parentSession'],
    ]);
  });

  it('denies Organization.accounts and .policies to a member account without organizations:ListAccounts / ListPolicies', async () => {
    // The member's root may describe its own organization (as in AWS), but listing is the management account's.
    const response = await x.env.call(
      x.member.root,
      'query($id: String!) { account(accountId: $id) { organization { organizationId policies { document } } } }',
      { id: x.member.accountId },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(JSON.stringify(response)).not.toContain('iam:DeleteAccountPasswordPolicy');
    const own = dataOf(
      await x.env.call<{ account: { organization: { organizationId: string } } }>(
        x.member.root,
        'query($id: String!) { account(accountId: $id) { organization { organizationId } } }',
        { id: x.member.accountId },
      ),
    );
    expect(own.account.organization.organizationId).toBe(x.a.organizationId);
  });
});

describe('analysis queries are authorized', () => {
  const cases = [
    [
      'effectivePermissions',
      'query($p: String!) { effectivePermissions(principalArn: $p) { action } }',
      () => ({ p: x.a.userArn }),
    ],
    [
      'whoCanAccess',
      'query($r: String!) { whoCanAccess(resourceArn: $r, action: "s3:GetObject") { principalArn } }',
      () => ({ r: `${x.a.bucket}/file` }),
    ],
    [
      'assumeRolePaths',
      'query($f: String!, $t: String!) { assumeRolePaths(fromArn: $f, toRoleArn: $t) { maxSessionSeconds } }',
      () => ({ f: x.a.userArn, t: x.a.roleArn }),
    ],
    [
      'externalAccess',
      'query($a: String!) { externalAccess(accountId: $a) { resourceArn } }',
      () => ({ a: x.a.accountId }),
    ],
    [
      'externalAccess (organization)',
      'query($o: String!) { externalAccess(organizationId: $o) { resourceArn } }',
      () => ({ o: x.a.organizationId }),
    ],
  ] as const;

  for (const [name, query, variables] of cases) {
    it(`denies ${name} about account A to a no-policy user of B`, async () => {
      const response = await x.env.call(x.nobody, query, variables());
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    });
  }
});

describe('analysis answers for callers granted the documented actions', () => {
  const WHO =
    'query($r: String!) { whoCanAccess(resourceArn: $r, action: "s3:GetObject") { principalArn path { roleArn } } }';

  async function userOfA(name: string, actions: string[]): Promise<Key> {
    const root = x.a.root;
    dataOf(
      await x.env.call(
        root,
        'mutation($n: String!, $d: String!) { createUser(userName: $n) { arn } putUserPolicy(userName: $n, policyName: "p", policyDocument: $d) { arn } }',
        { n: name, d: allow(actions) },
      ),
    );
    return dataOf(
      await x.env.call<{ createAccessKey: Key }>(
        root,
        'mutation($n: String!) { createAccessKey(userName: $n) { accessKeyId secretAccessKey } }',
        { n: name },
      ),
    ).createAccessKey;
  }

  it('answers a user of A with access-analyzer:ListFindings, iam:SimulatePrincipalPolicy and the IAM reads', async () => {
    const analyst = await userOfA('analyst', [
      'access-analyzer:ListFindings',
      'iam:SimulatePrincipalPolicy',
      'iam:GetUser',
      'iam:GetRole',
    ]);
    const who = dataOf(
      await x.env.call<{ whoCanAccess: { principalArn: string }[] }>(analyst, WHO, { r: `${x.a.bucket}/file` }),
    );
    expect(who.whoCanAccess.map((grant) => grant.principalArn)).toContain(x.a.userArn);
    const permissions = dataOf(
      await x.env.call<{ effectivePermissions: { action: string }[] }>(
        analyst,
        'query($p: String!) { effectivePermissions(principalArn: $p) { action } }',
        { p: x.a.userArn },
      ),
    );
    expect(permissions.effectivePermissions.map((permission) => permission.action)).toContain('s3:GetObject');
    const paths = dataOf(
      await x.env.call<{ assumeRolePaths: unknown[] }>(
        analyst,
        'query($f: String!, $t: String!) { assumeRolePaths(fromArn: $f, toRoleArn: $t) { maxSessionSeconds } }',
        { f: x.a.userArn, t: x.a.roleArn },
      ),
    );
    expect(paths.assumeRolePaths).toHaveLength(1);
    const external = dataOf(
      await x.env.call<{ externalAccess: { resourceArn: string }[] }>(
        analyst,
        'query($a: String!) { externalAccess(accountId: $a) { resourceArn } }',
        { a: x.a.accountId },
      ),
    );
    expect(external.externalAccess.map((finding) => finding.resourceArn)).toContain(x.a.bucket);
  });

  it('leaves out of whoCanAccess the principals the caller may not read', async () => {
    const findingsOnly = await userOfA('findings-only', ['access-analyzer:ListFindings']);
    const who = dataOf(
      await x.env.call<{ whoCanAccess: { principalArn: string }[] }>(findingsOnly, WHO, { r: `${x.a.bucket}/file` }),
    );
    expect(who.whoCanAccess).toEqual([]);
    // The account's root keeps the full answer for its account.
    const full = dataOf(
      await x.env.call<{ whoCanAccess: { principalArn: string }[] }>(x.a.root, WHO, { r: `${x.a.bucket}/file` }),
    );
    expect(full.whoCanAccess.map((grant) => grant.principalArn)).toContain(x.a.userArn);
  });

  async function userIn(root: Key, name: string, actions?: string[]): Promise<Key> {
    dataOf(await x.env.call(root, 'mutation($n: String!) { createUser(userName: $n) { arn } }', { n: name }));
    if (actions)
      dataOf(
        await x.env.call(
          root,
          'mutation($n: String!, $d: String!) { putUserPolicy(userName: $n, policyName: "p", policyDocument: $d) { arn } }',
          { n: name, d: allow(actions) },
        ),
      );
    return dataOf(
      await x.env.call<{ createAccessKey: Key }>(
        root,
        'mutation($n: String!) { createAccessKey(userName: $n) { accessKeyId secretAccessKey } }',
        { n: name },
      ),
    ).createAccessKey;
  }

  it("answers a member account of A's organization through its own organization analyzer, and only with access-analyzer:ListFindings", async () => {
    const denied = await x.env.call(await userIn(x.member.root, 'member-nobody'), WHO, { r: `${x.a.bucket}/file` });
    expect(denied.data ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(denied.errors?.[0]?.message).toContain(
      `arn:aws:access-analyzer:us-east-1:${x.member.accountId}:analyzer/organization`,
    );
    const auditor = await userIn(x.member.root, 'member-auditor', [
      'access-analyzer:ListFindings',
      'iam:GetUser',
      'iam:GetRole',
    ]);
    const who = dataOf(
      await x.env.call<{ whoCanAccess: { principalArn: string }[] }>(auditor, WHO, { r: `${x.a.bucket}/file` }),
    );
    expect(who.whoCanAccess.map((grant) => grant.principalArn)).toContain(x.a.userArn);
  });

  it("still denies a user outside A's organization granted access-analyzer:ListFindings on every analyzer", async () => {
    const outsider = await userIn(x.b.root, 'outside-auditor', ['access-analyzer:ListFindings']);
    const response = await x.env.call(outsider, WHO, { r: `${x.a.bucket}/file` });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect(response.errors?.[0]?.message).toContain(
      `arn:aws:access-analyzer:us-east-1:${x.a.accountId}:analyzer/playground`,
    );
  });
});
