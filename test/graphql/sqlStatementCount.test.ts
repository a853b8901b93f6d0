import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { seedReadModel } from './support/seedReadModel.js';

/** A deep read over every account and role: each level's relations must be loaded in batches. */
const nestedQuery = /* GraphQL */ `
  query Nested {
    accounts(first: 100) {
      edges {
        node {
          accountId
          organization { organizationId root { name attachedPolicies { name } } }
          parent { name attachedPolicies { name targetIds } }
          users { edges { node { name groups { name members { name } } } } }
          roles(first: 100) {
            edges {
              node {
                arn
                tags { key value }
                inlinePolicies { name }
                attachedPolicies { arn defaultVersion { versionId } attachmentCount }
                sessions { arn role { name } parentSession { arn } tags { key } }
              }
            }
          }
          resources { edges { node { arn tags { key } } } }
        }
      }
    }
  }
`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Seeds a model of the given size, runs the nested query once and counts the SQL statements it sent. */
async function countStatements(accounts: number, rolesPerAccount: number) {
  const statements: string[] = [];
  let counting = false;
  server = await startTestServer({ databaseOptions: { onQuery: (sql) => counting && statements.push(sql) } });
  await seedReadModel(server.database.prisma, { accounts, rolesPerAccount });

  counting = true;
  const response = await server!.query<{ accounts: { edges: { node: { roles: { edges: unknown[] } } }[] } }>(nestedQuery);
  counting = false;

  expect(response.errors).toBeUndefined();
  const edges = response.data!.accounts.edges;
  expect(edges).toHaveLength(accounts);
  expect(edges.every((edge) => edge.node.roles.edges.length === rolesPerAccount)).toBe(true);
  return statements;
}

describe('SQL statements per GraphQL query', () => {
  it('does not grow with the number of accounts and roles (no N+1)', async () => {
    // Given a small and a larger organization, when the same nested query runs over each
    const small = await countStatements(2, 3);
    await server!.close();
    server = undefined;
    const large = await countStatements(9, 12);

    // Then both stay under the same small bound: one statement per batch per level of the query (an
    // `include` costs Prisma a second statement). A loader shared by two levels (tags of users and of roles)
    // may resolve in one tick or two depending on timing, so the exact count varies by a statement or two —
    // but it never follows the number of rows: the large model has 108 roles and 9 accounts.
    expect(small.length).toBeLessThanOrEqual(30);
    expect(large.length).toBeLessThanOrEqual(30);
    expect(Math.abs(large.length - small.length)).toBeLessThanOrEqual(3);
  });
});
