import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from '../../bench/access/generateOrganization.js';
import { writeOrganization } from '../../bench/access/writeOrganization.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const org = generateOrganization({
  accounts: 3,
  usersPerAccount: 4,
  rolesPerAccount: 20,
  managedPoliciesPerAccount: 5,
  resourcesPerAccount: 5,
  seed: 7,
});
const account = org.accounts[1]!.id;
let server: TestServer;
let statements: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ databaseOptions: { onQuery: (sql) => void statements.push(sql) } });
  await writeOrganization(server.database.pool, org);
});

afterAll(async () => {
  await server?.close();
});

/** Runs canPerform on the first `count` roles of one account and returns the SQL statements the request issued. */
async function countStatements(count: number): Promise<{ statements: number; decisions: boolean[] }> {
  statements = [];
  const response = await server.query<{
    account: { roles: { edges: { node: { canPerform: { allowed: boolean } } }[] } };
  }>(
    `query($account: String!, $first: Int!, $resource: String!) { account(accountId: $account) {
      roles(first: $first) { edges { node { arn canPerform(action: "s3:GetObject", resource: $resource) { allowed } } } } } }`,
    { account, first: count, resource: `arn:aws:s3:::b-${account}-1/object` },
  );
  expect(response.errors).toBeUndefined();
  return {
    statements: statements.length,
    decisions: response.data!.account.roles.edges.map((edge) => edge.node.canPerform.allowed),
  };
}

describe('canPerform on many principals', () => {
  it('issues the same number of SQL statements for 2 roles as for 20', async () => {
    // Given: a warm index, so both requests only check its version
    await countStatements(1);
    // When
    const few = await countStatements(2);
    const many = await countStatements(20);
    // Then
    expect(many.decisions).toHaveLength(20);
    expect(many.decisions).toContain(true);
    expect(many.statements).toBe(few.statements);
  });
});
