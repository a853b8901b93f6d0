import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { arrangeIam, type TestKey } from '../sts/arrangeIam.js';
import { signedPost } from '../support/signedPost.js';
import { ASSUME_ROLE, trustPolicy } from '../sts/stsTestServer.js';

const MANAGEMENT = '173000000001';
const MEMBER = '173000000002';

let server: TestServer;
let alice: TestKey & { arn: string };
let role: { arn: string; id: string };
let statements: string[] = [];

beforeAll(async () => {
  const cipher = createSecretCipher(randomBytes(32));
  server = await startTestServer({
    cipher,
    authenticate: createAuthenticator({ cipher, operator: null }),
    databaseOptions: { onQuery: (sql) => void statements.push(sql) },
  });
  // alice and the role she assumes sit in a member account of an organization, so SCPs and RCPs apply to both.
  const iam = arrangeIam(server.database.prisma, cipher);
  await iam.account(MANAGEMENT);
  await iam.account(MEMBER);
  await iam.organization(MANAGEMENT, [MEMBER], []);
  alice = await iam.user(MEMBER, 'alice', [iam.allowAll]);
  await iam.user(MEMBER, 'bob');
  role = await iam.role(MEMBER, 'Worker', trustPolicy(alice.arn), { policies: [iam.allowAll] });
});
afterAll(async () => {
  await server.close();
});

async function send(query: string, variables: Record<string, unknown> = {}) {
  statements = [];
  const response = await signedPost(server.url, alice, query, variables);
  return { response, statements: [...statements] };
}

/** The SQL statements of one SigV4-signed request, sent after a warm-up request of the same operation. */
async function steadyStatements(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  const warm = await send(query, variables);
  expect(warm.response.errors).toBeUndefined();
  const steady = await send(query, variables);
  expect(steady.response.errors).toBeUndefined();
  return steady.statements;
}

const VERSION_CHECK = expect.stringMatching(/^SELECT version FROM authorization_version WHERE id = 1$/);
const AUDIT_INSERT = expect.stringMatching(/^INSERT INTO ("public"\.)?"audit_event"/);
const SESSION_INSERT = expect.stringMatching(/^INSERT INTO ("public"\.)?"session"/);

const SIMULATE = `query($input: SimulateCustomPolicyInput!) { simulateCustomPolicy(input: $input) { evaluationResults { evalDecision } } }`;
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});
const NESTED_READ = `{ account(accountId: "${MEMBER}") { accountId
  users(first: 50) { edges { node { name tags { key value } groups { name inlinePolicies { name } members { name } } } } }
  groups(first: 50) { edges { node { name } } } } }`;

// Statement counts of signed requests of a cached caller, the shape each request has with authentication on: the
// caller's credential, policies and organization, the role assumed and the accounts' RCPs come from the
// version-keyed caches (src/features/cache), so what is left is the version check, the request's own reads and
// writes, and one audit INSERT.
describe('SQL statements per signed request (authentication on)', () => {
  it('{ __typename } and callerIdentity cost the version check only', async () => {
    expect(await steadyStatements('{ __typename }')).toEqual([VERSION_CHECK]);
    expect(await steadyStatements('{ callerIdentity { arn account userId } }')).toEqual([VERSION_CHECK]);
  });

  it('simulateCustomPolicy reads nothing stored: the version check and its audit row', async () => {
    const simulate = await steadyStatements(SIMULATE, {
      input: { policyInputList: [POLICY], actionNames: ['s3:GetObject'] },
    });
    expect(simulate).toEqual([VERSION_CHECK, AUDIT_INSERT]);
  });

  it('assumeRole: the version check, the session it issues and its audit row', async () => {
    const assume = await steadyStatements(ASSUME_ROLE, { input: { roleArn: role.arn, roleSessionName: 'pinned' } });
    expect(assume).toEqual([VERSION_CHECK, SESSION_INSERT, AUDIT_INSERT]);
  });

  it('a nested read loads each level once, and reads neither the caller nor the organization', async () => {
    const read = await steadyStatements(NESTED_READ);
    expect(read[0]).toEqual(VERSION_CHECK);
    expect(read.at(-1)).toEqual(AUDIT_INSERT);
    expect(read.filter((sql) => /"organization_policy|"organizational_unit"|"access_key"|"session"/.test(sql))).toEqual(
      [],
    );
    // The version check, the account (and its organization), then one statement per level and relation of the
    // query (users, groups, tags, memberships), and the audit row: the shape of the query, not the rows.
    expect(read).toHaveLength(9);
  });

  it('answers from no cached role or RCP older than a write committed before the request', async () => {
    const input = { roleArn: role.arn, roleSessionName: 'fresh' };
    expect((await send(ASSUME_ROLE, { input })).response.errors).toBeUndefined();

    // When the role's trust policy stops naming alice, the next request is denied
    await server.database.prisma.role.update({
      where: { id: role.id },
      data: { assumeRolePolicyDocument: JSON.stringify(trustPolicy(`arn:aws:iam::${MEMBER}:user/bob`)) },
    });
    expect((await send(ASSUME_ROLE, { input })).response.errors?.[0]?.extensions?.code).toBe('AccessDenied');

    // And when it names her again but an RCP on her account denies sts:AssumeRole, it is denied too
    await server.database.prisma.role.update({
      where: { id: role.id },
      data: { assumeRolePolicyDocument: JSON.stringify(trustPolicy(alice.arn)) },
    });
    expect((await send(ASSUME_ROLE, { input })).response.errors).toBeUndefined();
    const organizationId = `o-${MANAGEMENT.slice(0, 10)}`;
    const rcp = await server.database.prisma.organizationPolicy.create({
      data: {
        id: 'p-denyassume',
        organizationId,
        type: 'RESOURCE_CONTROL_POLICY',
        name: 'DenyAssume',
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }],
        }),
      },
    });
    await server.database.prisma.organizationPolicyAttachment.create({ data: { policyId: rcp.id, targetId: MEMBER } });
    expect((await send(ASSUME_ROLE, { input })).response.errors?.[0]?.extensions?.code).toBe('AccessDenied');
  });
});
