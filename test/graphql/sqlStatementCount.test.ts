import { afterEach, describe, expect, it } from 'vitest';
import { defaultQueryLimits } from '../../src/graphql/limits/queryLimits.js';
import { randomBytes } from 'node:crypto';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { toGlobalId } from '../../src/graphql/globalId.js';
import type { SigningKey } from '../support/signedPost.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { seedReadModel } from './support/seedReadModel.js';

/** A deep read over every account and role: each level's relations must be loaded in batches. */
const nestedQuery = /* GraphQL */ `
  query Nested {
    accounts(first: 100) {
      edges {
        node {
          accountId
          organization {
            organizationId
            root {
              name
              attachedPolicies {
                name
              }
            }
          }
          parent {
            name
            attachedPolicies {
              name
              targetIds
            }
          }
          users {
            edges {
              node {
                name
                groups {
                  name
                  members {
                    name
                  }
                }
              }
            }
          }
          roles(first: 100) {
            edges {
              node {
                arn
                tags {
                  key
                  value
                }
                inlinePolicies {
                  name
                }
                attachedPolicies {
                  arn
                  defaultVersion {
                    versionId
                  }
                  attachmentCount
                }
                sessions {
                  arn
                  role {
                    name
                  }
                  parentSession {
                    arn
                  }
                  tags {
                    key
                  }
                }
              }
            }
          }
          resources {
            edges {
              node {
                arn
                tags {
                  key
                }
              }
            }
          }
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

/** An organization-level read by the management account's root, and every account's bucket through nodes(ids:). */
const rootQuery = /* GraphQL */ `
  query AsRoot($ids: [ID!]!) {
    accounts {
      edges {
        node {
          accountId
          organization {
            organizationId
          }
          parent {
            name
          }
          attachedOrganizationPolicies {
            name
          }
        }
      }
    }
    nodes(ids: $ids) {
      id
    }
  }
`;

interface Counted {
  statements: string[];
  /** INSERTs into the audit trail: the request's decisions, written together. */
  auditInserts: number;
}

/**
 * Seeds a model of the given size, runs the query once, signed with SigV4 and checked by the real
 * authenticator and the read guard, and returns the SQL statements it sent.
 */
async function countStatements(
  accounts: number,
  rolesPerAccount: number,
  as: 'operator' | 'managementRoot',
): Promise<Counted & { errors: number }> {
  const statements: string[] = [];
  let counting = false;
  const cipher = createSecretCipher(randomBytes(32));
  // The query reads every level of a large model on purpose (far above the default cost limit); it measures
  // batching, not limits, so the cost limit is lifted here.
  server = await startTestServer({
    cipher,
    databaseOptions: { onQuery: (sql) => counting && statements.push(sql) },
    queryLimits: { ...defaultQueryLimits, maxCost: Number.POSITIVE_INFINITY },
  });
  const seeded = await seedReadModel(server.database.prisma, { accounts, rolesPerAccount });
  let key: SigningKey | undefined;
  if (as === 'managementRoot') {
    key = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
    await server.database.prisma.accessKey.create({
      data: {
        id: key.accessKeyId,
        accountId: seeded.managementAccountId,
        userId: null,
        secretEncrypted: cipher.encrypt(key.secretAccessKey),
      },
    });
  }

  counting = true;
  const response =
    as === 'operator'
      ? await server.query<{ accounts: { edges: { node: { roles: { edges: unknown[] } } }[] } }>(nestedQuery)
      : await server.query(
          rootQuery,
          { ids: seeded.accountIds.map((_, a) => toGlobalId('Resource', `res-${a}`)) },
          key,
        );
  counting = false;

  if (as === 'operator') {
    expect(response.errors).toBeUndefined();
    const edges = (response.data as { accounts: { edges: { node: { roles: { edges: unknown[] } } }[] } }).accounts
      .edges;
    expect(edges).toHaveLength(accounts);
    expect(edges.every((edge) => edge.node.roles.edges.length === rolesPerAccount)).toBe(true);
  }
  const auditInserts = statements.filter((sql) => /insert into ("public"\.)?"audit_event"/i.test(sql)).length;
  return { statements, auditInserts, errors: response.errors?.length ?? 0 };
}

async function restart() {
  await server?.close();
  server = undefined;
}

describe('SQL statements per GraphQL query, with authentication and authorization on', () => {
  it('does not grow with the number of accounts and roles (no N+1), and writes the audit trail in one INSERT', async () => {
    // Given a small and a larger organization, when the operator runs the same nested query over each
    const small = await countStatements(2, 3, 'operator');
    await restart();
    const large = await countStatements(8, 12, 'operator');

    // Then both stay under the same small bound: one statement per batch per level of the query (an
    // `include` costs Prisma a second statement). A loader shared by two levels (tags of users and of roles)
    // may resolve in one tick or two depending on timing, so the exact count varies by a statement or two —
    // but it never follows the number of rows: the large model has 96 roles and 8 accounts.
    expect(small.statements.length).toBeLessThanOrEqual(30);
    expect(large.statements.length).toBeLessThanOrEqual(30);
    expect(Math.abs(large.statements.length - small.statements.length)).toBeLessThanOrEqual(3);
    expect([small.auditInserts, large.auditInserts]).toEqual([1, 1]);
  });

  it("decides a non-operator's reads across 2 or 8 accounts in the same number of statements", async () => {
    // Given the management account's root, when it reads the organization and every account's bucket
    const small = await countStatements(2, 1, 'managementRoot');
    await restart();
    const large = await countStatements(8, 1, 'managementRoot');

    // Then its policies, the SCP and RCP levels of every account and the buckets load in batches: the count
    // does not follow the accounts, though each other account's bucket is a separate (denied) decision. The
    // organization-levels loader loads the whole organization the first time any account of it is asked, so a
    // decision resolved in a later tick finds its account's levels loaded: the same count at 2 and at 8 accounts.
    expect(large.errors).toBe(7);
    expect(small.errors).toBe(1);
    expect(large.statements.length, `${small.statements.length} → ${large.statements.length}`).toBe(
      small.statements.length,
    );
    expect(large.statements.length).toBeLessThanOrEqual(30);
    expect([small.auditInserts, large.auditInserts]).toEqual([1, 1]);
  });
});
