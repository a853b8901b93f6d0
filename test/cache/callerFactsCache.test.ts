import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadCachedCallerSide, loadCachedResourceControlPolicies } from '../../src/features/cache/cachedCallerFacts.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { arrangeIam, type TestKey } from '../sts/arrangeIam.js';
import { basicHeaders } from '../sts/signedPost.js';

let database: TestDatabase;
let statements: string[] = [];
const cipher = createSecretCipher(randomBytes(32));
const authenticate = createAuthenticator({ cipher, operator: null });

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (sql) => void statements.push(sql) });
});
afterAll(async () => {
  await database.close();
});

/** The context of one request signed (HTTP Basic) by `key`, as the server builds it. */
function contextOf(key: TestKey) {
  return createContext(
    { method: 'POST', url: '/graphql', headers: basicHeaders(key), body: Buffer.from('{}'), sourceIp: '127.0.0.1' },
    { database, logger: createLogger('silent'), authenticate, cipher },
  );
}

const policy = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('the caller facts the door needs, from version-keyed caches', () => {
  it('loads a caller once per authorization version, and reflects a committed write at once', async () => {
    // Given a user with one policy, and a first request that loads her facts
    const iam = arrangeIam(database.prisma, cipher);
    await iam.account('172000000001');
    const grace = await iam.user('172000000001', 'grace', [policy('s3:GetObject')]);
    const first = await contextOf(grace);
    const loaded = await loadCachedCallerSide(first, first.caller!);
    expect(loaded.identityPolicies.map((p) => p.sourcePolicyId)).toEqual([`${grace.arn}:inline/p0`]);

    // When a second request authenticates and asks for them again
    statements = [];
    const second = await contextOf(grace);
    const cached = await loadCachedCallerSide(second, second.caller!);
    const callerStatements = [...statements];
    await loadCachedResourceControlPolicies(second, '172000000001');
    const rcpStatements = statements.length;
    await loadCachedResourceControlPolicies(second, '172000000001');

    // Then the whole request issued the version check and, for the RCP levels not yet cached, their load only
    expect(cached).toBe(loaded);
    expect(callerStatements).toEqual([
      expect.stringMatching(/^SELECT version FROM authorization_version WHERE id = 1$/),
    ]);
    expect(statements.length).toBe(rcpStatements);

    // And after another writer adds a policy, the next request sees it
    await database.pool.query(
      `INSERT INTO inline_policy (id, principal_kind, user_id, name, name_key, document) VALUES ('ip-172', 'USER', $1, 'p1', 'p1', $2)`,
      [grace.id, policy('s3:PutObject')],
    );
    const third = await contextOf(grace);
    const fresh = await loadCachedCallerSide(third, third.caller!);
    expect(fresh.identityPolicies.map((p) => p.sourcePolicyId).sort()).toEqual([
      `${grace.arn}:inline/p0`,
      `${grace.arn}:inline/p1`,
    ]);
  });
});
