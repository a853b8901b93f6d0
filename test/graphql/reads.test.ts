import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/globalId.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { seedReadModel, type SeededModel } from './support/seedReadModel.js';

let server: TestServer;
let seeded: SeededModel;
const query = <T = Record<string, any>>(text: string, variables: Record<string, unknown> = {}) =>
  server.query<T>(text, variables);

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedReadModel(server.database.prisma, { accounts: 3, rolesPerAccount: 3 });
});
afterAll(async () => {
  await server?.close();
});

describe('organization reads', () => {
  it('reads an organization with its root, OUs, accounts and SCP attachments', async () => {
    const { data, errors } = await query(
      `query Org($id: String!) { organization(organizationId: $id) {
        organizationId arn managementAccount { accountId }
        root { unitId isRoot arn parent { unitId } attachedPolicies { policyId type arn targetIds } children { unitId name parent { unitId } accounts { accountId } } }
        organizationalUnits { unitId }
        accounts(first: 2) { edges { node { accountId } } pageInfo { hasNextPage } }
        policies(type: SERVICE_CONTROL_POLICY) { name }
      } }`,
      { id: seeded.organizationId },
    );
    expect(errors).toBeUndefined();
    const org = data!.organization;
    expect(org.arn).toBe(`arn:aws:organizations::${seeded.managementAccountId}:organization/${seeded.organizationId}`);
    expect(org.managementAccount.accountId).toBe(seeded.managementAccountId);
    expect(org.root).toMatchObject({ unitId: seeded.rootId, isRoot: true, parent: null });
    expect(org.root.arn).toBe(
      `arn:aws:organizations::${seeded.managementAccountId}:root/${seeded.organizationId}/${seeded.rootId}`,
    );
    expect(org.root.attachedPolicies).toEqual([
      {
        policyId: seeded.scpId,
        type: 'SERVICE_CONTROL_POLICY',
        arn: `arn:aws:organizations::${seeded.managementAccountId}:policy/${seeded.organizationId}/service_control_policy/${seeded.scpId}`,
        targetIds: [seeded.ouId, seeded.rootId].sort(),
      },
    ]);
    expect(org.root.children).toEqual([
      {
        unitId: seeded.ouId,
        name: 'Workloads',
        parent: { unitId: seeded.rootId },
        accounts: seeded.accountIds.slice(1).map((accountId) => ({ accountId })),
      },
    ]);
    expect(org.organizationalUnits).toHaveLength(2);
    expect(org.accounts).toEqual({
      edges: seeded.accountIds.slice(0, 2).map((accountId) => ({ node: { accountId } })),
      pageInfo: { hasNextPage: true },
    });
    expect(org.policies).toEqual([{ name: 'DenyLeave' }]);
  });

  it('answers null with a NoSuchEntity error for an unknown organization, keeping the rest of the response', async () => {
    const { data, errors } = await query(
      '{ organization(organizationId: "o-missing0000") { organizationId } __typename }',
    );
    expect(data).toEqual({ organization: null, __typename: 'Query' });
    expect(errors?.[0]?.extensions?.code).toBe('NoSuchEntity');
    expect(errors?.[0]?.path).toEqual(['organization']);
  });
});

describe('account reads and cursor pagination', () => {
  it('pages through accounts with cursors', async () => {
    const page = `query Page($after: String) { accounts(first: 2, after: $after) { edges { cursor node { accountId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = await query(page);
    expect(first.data!.accounts.edges.map((edge: any) => edge.node.accountId)).toEqual(seeded.accountIds.slice(0, 2));
    expect(first.data!.accounts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await query(page, { after: first.data!.accounts.pageInfo.endCursor });
    expect(second.data!.accounts.edges.map((edge: any) => edge.node.accountId)).toEqual(seeded.accountIds.slice(2));
    expect(second.data!.accounts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before, with nodes and a totalCount of every account', async () => {
    const page = `query Back($before: String) { accounts(last: 2, before: $before) { nodes { accountId } totalCount pageInfo { hasNextPage hasPreviousPage startCursor } } }`;
    const last = await query(page);
    expect(last.errors).toBeUndefined();
    expect(last.data!.accounts).toMatchObject({
      nodes: seeded.accountIds.slice(-2).map((accountId) => ({ accountId })),
      totalCount: seeded.accountIds.length,
    });
    expect(last.data!.accounts.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: seeded.accountIds.length > 2,
    });
    const before = await query(page, { before: last.data!.accounts.pageInfo.startCursor });
    expect(before.data!.accounts.nodes).toEqual(seeded.accountIds.slice(-4, -2).map((accountId) => ({ accountId })));
    expect(before.data!.accounts.pageInfo.hasNextPage).toBe(true);
  });

  it('rejects a bad cursor or page size with ValidationError', async () => {
    const badCursor = await query('{ accounts(after: "not-a-cursor") { edges { cursor } } }');
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('ValidationError');
    const tooMany = await query('{ accounts(first: 100000) { edges { cursor } } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('ValidationError');
  });

  it('reads an account with its IAM entities, paging nested lists', async () => {
    const accountId = seeded.accountIds[1]!;
    const { data, errors } = await query(
      `query A($id: String!) { account(accountId: $id) {
        accountId rootArn parent { unitId } attachedOrganizationPolicies { name }
        roles(first: 2) { edges { node { name } } pageInfo { hasNextPage endCursor } }
        users { edges { node { name groups { name } } } }
        groups { edges { node { name members { name } } } }
        policies { edges { node { name } } }
        resources { edges { node { arn service resourceType policy } } }
      } }`,
      { id: accountId },
    );
    expect(errors).toBeUndefined();
    const account = data!.account;
    expect(account).toMatchObject({
      accountId,
      rootArn: `arn:aws:iam::${accountId}:root`,
      parent: { unitId: seeded.ouId },
    });
    expect(account.roles.edges.map((edge: any) => edge.node.name)).toEqual(['Role0', 'Role1']);
    expect(account.roles.pageInfo.hasNextPage).toBe(true);
    const rest = await query(
      `query R($id: String!, $after: String) { account(accountId: $id) { roles(after: $after) { edges { node { name } } } } }`,
      {
        id: accountId,
        after: account.roles.pageInfo.endCursor,
      },
    );
    expect(rest.data!.account.roles.edges).toEqual([{ node: { name: 'Role2' } }]);
    expect(account.users.edges).toEqual([{ node: { name: 'alice', groups: [{ name: 'Admins' }] } }]);
    expect(account.groups.edges).toEqual([{ node: { name: 'Admins', members: [{ name: 'alice' }] } }]);
    expect(account.policies.edges).toEqual([{ node: { name: 'ReadOnly' } }]);
    expect(account.resources.edges[0].node).toMatchObject({
      service: 's3',
      resourceType: 'bucket',
      arn: `arn:aws:s3:::bucket-${accountId}`,
    });
  });

  it('answers NoSuchEntity for an unknown account', async () => {
    const { errors } = await query('{ account(accountId: "999999999999") { accountId } }');
    expect(errors?.[0]).toMatchObject({
      message: 'The account with id 999999999999 cannot be found.',
      extensions: { code: 'NoSuchEntity' },
    });
  });
});

describe('IAM entity reads by ARN', () => {
  it('reads a role with its policies, tags and sessions', async () => {
    const accountId = seeded.accountIds[0]!;
    const { data, errors } = await query(
      `query Role($arn: String!) { role(arn: $arn) {
        id roleId name path arn maxSessionDuration assumeRolePolicyDocument account { accountId }
        tags { key value } inlinePolicies { name document } permissionsBoundary { arn }
        attachedPolicies { arn isAwsManaged defaultVersionId defaultVersion { versionId isDefaultVersion } versions { versionId } attachmentCount account { accountId } }
        all: sessions { accessKeyId expired tags { key value } role { name } }
        active: sessions(activeOnly: true) { accessKeyId expired }
      } }`,
      { arn: `arn:aws:iam::${accountId}:role/Role1` },
    );
    expect(errors).toBeUndefined();
    const role = data!.role;
    expect(role).toMatchObject({
      name: 'Role1',
      path: '/',
      maxSessionDuration: 3600,
      account: { accountId },
      permissionsBoundary: null,
    });
    expect(role.id).toBe(toGlobalId('Role', role.roleId));
    expect(role.tags).toEqual([{ key: 'Team', value: accountId }]);
    expect(role.attachedPolicies).toEqual([
      {
        arn: `arn:aws:iam::${accountId}:policy/ReadOnly`,
        isAwsManaged: false,
        defaultVersionId: 'v2',
        defaultVersion: { versionId: 'v2', isDefaultVersion: true },
        versions: [{ versionId: 'v1' }, { versionId: 'v2' }],
        attachmentCount: 3,
        account: { accountId },
      },
    ]);
    expect(role.all).toHaveLength(1);
    expect(role.all[0].tags).toEqual([{ key: 'Project', value: 'blue' }]);
    expect(role.active.every((session: any) => session.expired === false)).toBe(true);
  });

  it('reads users, groups, policies, versions, resources and sessions by their keys', async () => {
    const accountId = seeded.accountIds[2]!;
    const { data, errors } = await query(
      `query Q($user: String!, $group: String!, $policy: String!, $resource: String!) {
        user(arn: $user) { name userId accessKeys { accessKeyId } tags { key } attachedPolicies { name } inlinePolicies { name } }
        group(arn: $group) { name members { name } }
        policy(arn: $policy) { name versions { versionId } }
        policyVersion(policyArn: $policy, versionId: "v1") { versionId isDefaultVersion document }
        resource(arn: $resource) { arn account { accountId } tags { key } }
        awsManagedPolicies(first: 1) { edges { node { isAwsManaged account { accountId } } } }
      }`,
      {
        user: `arn:aws:iam::${accountId}:user/alice`,
        group: `arn:aws:iam::${accountId}:group/Admins`,
        policy: `arn:aws:iam::${accountId}:policy/ReadOnly`,
        resource: `arn:aws:s3:::bucket-${accountId}`,
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.user).toMatchObject({
      name: 'alice',
      accessKeys: [],
      tags: [],
      attachedPolicies: [],
      inlinePolicies: [],
    });
    expect(data!.group).toEqual({ name: 'Admins', members: [{ name: 'alice' }] });
    expect(data!.policyVersion).toMatchObject({ versionId: 'v1', isDefaultVersion: false });
    expect(data!.resource).toEqual({ arn: `arn:aws:s3:::bucket-${accountId}`, account: { accountId }, tags: [] });
    for (const edge of data!.awsManagedPolicies.edges) expect(edge.node).toEqual({ isAwsManaged: true, account: null });
  });

  it('answers NoSuchEntity in AWS words for unknown ARNs', async () => {
    const { errors } = await query(`{
      role(arn: "arn:aws:iam::111111111111:role/Nope") { name }
    }`);
    expect(errors?.[0]).toMatchObject({
      message: 'The role with name Nope cannot be found.',
      extensions: { code: 'NoSuchEntity' },
      path: ['role'],
    });
    const policy = await query('{ policy(arn: "arn:aws:iam::111111111111:policy/Nope") { name } }');
    expect(policy.errors?.[0]).toMatchObject({
      message: 'Policy arn:aws:iam::111111111111:policy/Nope does not exist or is not attachable.',
      extensions: { code: 'NoSuchEntity' },
    });
  });

  it("lists an account's sessions newest first, with a cursor over (issue time, id)", async () => {
    const accountId = seeded.accountIds[0]!;
    const page = `query S($id: String!, $after: String) { sessions(accountId: $id, first: 2, after: $after) { edges { node { accessKeyId issuedAt } } pageInfo { endCursor hasNextPage } } }`;
    const first = await query(page, { id: accountId });
    const second = await query(page, { id: accountId, after: first.data!.sessions.pageInfo.endCursor });
    const issued = [...first.data!.sessions.edges, ...second.data!.sessions.edges].map(
      (edge: any) => edge.node.issuedAt,
    );
    expect(issued).toHaveLength(3);
    expect([...issued].sort().reverse()).toEqual(issued);
    expect(second.data!.sessions.pageInfo.hasNextPage).toBe(false);
    const one = await query(
      'query One($key: String!) { session(accessKeyId: $key) { accessKeyId arn chained mfaAuthenticated } }',
      {
        key: first.data!.sessions.edges[0].node.accessKeyId,
      },
    );
    expect(one.data!.session).toMatchObject({ chained: false, mfaAuthenticated: false });
  });
});

describe('node(id:)', () => {
  it('fetches any node by the id it reported, and null for ids that name nothing', async () => {
    const { data } = await query(
      `{ accounts(first: 1) { edges { node { id accountId roles(first: 1) { edges { node { id name } } } } } } }`,
    );
    const account = data!.accounts.edges[0].node;
    const role = account.roles.edges[0].node;
    const nodes = await query(
      `query N($ids: [ID!]!, $one: ID!) {
        one: node(id: $one) { id ... on Account { accountId } }
        nodes(ids: $ids) { id __typename ... on Role { name } }
      }`,
      {
        one: account.id,
        ids: [
          role.id,
          toGlobalId('Role', 'AROANOSUCHROLE'),
          'garbage!',
          toGlobalId('Organization', seeded.organizationId),
        ],
      },
    );
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data!.one).toEqual({ id: account.id, accountId: account.accountId });
    expect(nodes.data!.nodes).toEqual([
      { id: role.id, __typename: 'Role', name: role.name },
      null,
      null,
      { id: toGlobalId('Organization', seeded.organizationId), __typename: 'Organization' },
    ]);
  });
});

describe('errors', () => {
  it('rejects an unknown field with GRAPHQL_VALIDATION_FAILED and no stack trace', async () => {
    const response = await query('{ accounts { edges { node { noSuchField } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers malformed JSON with 400 and a code', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
