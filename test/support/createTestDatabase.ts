import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../src/db/openDatabase.js';
import { loadMigratedTemplate } from './loadMigratedTemplate.js';

/** Options of {@link createTestDatabase}. */
export interface TestDatabaseOptions extends OpenDatabaseOptions {
  /** Apply prisma/migrations (default true); false gives an empty database, for migration tests. */
  migrate?: boolean;
}

/**
 * A fresh database owned by one test file; `close()` also deletes it. Its `url` lets other clients (a
 * second pool, a child process) reach the same database.
 */
export type TestDatabase = Database;

/**
 * A fresh, migrated database that no other test shares. With DATABASE_URL set: a new database
 * `iamtest_<random>` on that server, dropped by `close()`. Without: an in-memory PGlite behind its own
 * loopback socket, started from a dump of a migrated one. Call it in `beforeAll` and `close()` in `afterAll`.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    // A migrated database starts from a shared dump of one, which skips initdb and the migrations.
    const loadDataDir = options.migrate === false ? undefined : await loadMigratedTemplate();
    return openDatabase({ embedded: { dataDir: null, loadDataDir } }, options);
  }

  const name = `iamtest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }, options);
  try {
    if (options.migrate !== false) await migrate(database.pool);
  } catch (error) {
    await database.close();
    await dropDatabase(serverUrl, name);
    throw error;
  }
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
