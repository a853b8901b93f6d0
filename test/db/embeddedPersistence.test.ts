import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/openDatabase.js';

describe('the embedded database', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data in its data directory across restarts', async () => {
    // Given an embedded database on disk, migrated and holding an account
    const dataDir = await mkdtemp(join(tmpdir(), 'iam-pglite-'));
    dirs.push(dataDir);
    const first = await openDatabase({ embedded: { dataDir } });
    expect(first.kind).toBe('embedded');
    expect((await migrate(first.pool)).applied.length).toBeGreaterThan(0);
    await first.prisma.account.create({ data: { id: '123456789012', name: 'kept' } });
    await first.close();

    // When it is opened again
    const second = await openDatabase({ embedded: { dataDir } });
    try {
      // Then the account is still there and there is nothing left to migrate
      expect(await second.prisma.account.findUnique({ where: { id: '123456789012' } })).toMatchObject({ name: 'kept' });
      expect((await migrate(second.pool)).applied).toEqual([]);
    } finally {
      await second.close();
    }
    // Creating a PGlite data directory runs initdb in WebAssembly: slow on a busy two-core machine.
  }, 180_000);
});
