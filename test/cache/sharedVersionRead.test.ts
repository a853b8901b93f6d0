import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestVersion } from '../../src/features/cache/RequestVersion.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

let database: TestDatabase;
let versionReads = 0;

beforeAll(async () => {
  database = await createTestDatabase({
    onQuery: (sql) => void (/FROM authorization_version/.test(sql) && versionReads++),
  });
});
afterAll(async () => {
  await database.close();
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the authorization version read of concurrent requests', () => {
  it('is one statement for the requests that ask in the same turn, and a new one for a request that asks after it was sent', async () => {
    // Given three requests that ask for the version in the same turn of the event loop
    versionReads = 0;
    const [a, b, c] = [1, 2, 3].map(() => createRequestVersion(database.pool));
    const read = await Promise.all([a!.get(), b!.get(), c!.get()]);

    // Then they share one statement and one answer
    expect(versionReads).toBe(1);
    expect(new Set(read).size).toBe(1);

    // When a write commits and a request begins after it
    await database.prisma.account.create({ data: { id: '174000000001', name: 'bumps the version' } });
    const later = createRequestVersion(database.pool);

    // Then that request reads again and sees the write
    expect(await later.get()).toBeGreaterThan(read[0]!);
    expect(versionReads).toBe(2);
  });

  it('never hands a request a read that was sent before the request asked', async () => {
    versionReads = 0;
    const first = createRequestVersion(database.pool);
    const firstRead = first.get();
    // The first read's statement is sent at the end of this turn; a request asking after that reads again.
    await nextTurn();
    const second = createRequestVersion(database.pool).get();
    await Promise.all([firstRead, second]);
    expect(versionReads).toBe(2);
  });
});
