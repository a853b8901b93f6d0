import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate, MigrationError, readMigrations } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  opened.push(database);
  return database;
}

async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iam-migrations-'));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  opened.push({ close: () => rm(dir, { recursive: true, force: true }) });
  return dir;
}

async function tableExists(pool: pg.Pool, table: string): Promise<boolean> {
  const { rows } = await pool.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `public.${table}`,
  ]);
  return rows[0]!.exists;
}

describe('migrate', () => {
  it('applies every migration once and records it in _prisma_migrations as Prisma does', async () => {
    // Given a fresh database
    const database = await freshDatabase();
    const files = await readMigrations();

    // When it is migrated twice
    const first = await migrate(database.pool);
    const second = await migrate(database.pool);

    // Then the first run applied everything, the second nothing, and the history is Prisma's
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(second.applied).toEqual([]);
    const { rows } = await database.pool.query(
      'SELECT id, checksum, migration_name, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      const bytes = await readFile(join(defaultMigrationsDir, file.name, 'migration.sql'));
      expect(row).toMatchObject({
        migration_name: file.name,
        checksum: createHash('sha256').update(bytes).digest('hex'),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it('refuses to run when an applied migration was edited', async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate(database.pool, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);

    const run = migrate(database.pool, { migrationsDir: dir });

    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(`migration \`${first!.name}\` was changed after it was applied`);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    // Given the real migrations plus one that creates a table and then fails
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await mkdir(join(dir, '29990101000000_broken'));
    await writeFile(
      join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n',
    );

    // When it is migrated
    const run = migrate(database.pool, { migrationsDir: dir });

    // Then the error names the migration, the good ones stay applied and the broken one left no trace
    await expect(run).rejects.toThrow(/migration `29990101000000_broken` failed and was rolled back: .*no_such_table/);
    expect(await tableExists(database.pool, 'half_done')).toBe(false);
    expect(await tableExists(database.pool, 'iam_role')).toBe(true);
    const { rows } = await database.pool.query(
      'SELECT migration_name FROM _prisma_migrations WHERE migration_name = $1',
      ['29990101000000_broken'],
    );
    expect(rows).toEqual([]);
  });

  it('is safe when two processes migrate the same fresh database at once', async () => {
    // Given two separate pools (two "processes") on one fresh database
    const database = await freshDatabase();
    const other = new pg.Pool({ connectionString: database.url, max: 1 });
    opened.push({ close: () => other.end() });

    // When both migrate at the same time
    const [a, b] = await Promise.all([migrate(database.pool), migrate(other)]);

    // Then each migration was applied by exactly one of them, and recorded once
    const names = (await readMigrations()).map((file) => file.name);
    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    const { rows } = await database.pool.query<{ migration_name: string; count: string }>(
      'SELECT migration_name, count(*) AS count FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
    );
    expect(rows.map((row) => [row.migration_name, Number(row.count)])).toEqual(names.map((name) => [name, 1]));
  });
});
