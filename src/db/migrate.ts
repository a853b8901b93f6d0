import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** One migration folder of `prisma/migrations`, as Prisma lays them out. */
export interface MigrationFile {
  /** The folder name, `<timestamp>_<name>`; Prisma records it as `migration_name`. */
  name: string;
  /** The text of `migration.sql`. */
  sql: string;
  /** SHA-256 of the file in hex, the checksum Prisma stores and compares. */
  checksum: string;
}

/** What a migration run did. */
export interface MigrationResult {
  /** Names of the migrations applied by this run, in order (empty when the database was up to date). */
  applied: string[];
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The folder holding the migrations. Default: `prisma/migrations` of this repository. */
  migrationsDir?: string;
  /** Told about each migration as it is applied. */
  onApplied?: (name: string) => void;
}

/** A migration history that this code refuses to build on: an edited or failed migration. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** The repository's `prisma/migrations` folder. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/**
 * The key of the session advisory lock held while migrating. It is the key Prisma's own migration engine
 * locks, so this code and `prisma migrate deploy` never run at the same time either.
 */
export const migrationLockKey = 72707369;

/** The DDL Prisma's migration engine uses for its history table, so both tools read the same rows. */
const createHistoryTableSql = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Reads the migrations of a folder in name order (their timestamps order them). */
export async function readMigrations(migrationsDir: string = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies the pending migrations in order, each in its own transaction, and records them in
 * `_prisma_migrations` exactly as Prisma does (uuid id, SHA-256 checksum, finished_at, applied_steps_count 1).
 * Idempotent. Refuses to run when an applied migration's file has changed or a migration failed earlier
 * (both would leave the schema unknown). A failing migration rolls back whole, so the database is never
 * half-migrated. Concurrent runs are safe: a session advisory lock serialises them on Postgres, and each
 * migration re-checks the history inside its transaction (PGlite has one session, so its lock never blocks).
 */
export async function migrate(pool: pg.Pool, options: MigrateOptions = {}): Promise<MigrationResult> {
  const migrations = await readMigrations(options.migrationsDir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await client.query(createHistoryTableSql);
      const history = await readHistory(client);
      checkHistory(migrations, history);
      for (const migration of migrations) {
        if (history.has(migration.name)) continue;
        if (await applyMigration(client, migration)) {
          applied.push(migration.name);
          options.onApplied?.(migration.name);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
  return { applied };
}

async function readHistory(client: pg.PoolClient): Promise<Map<string, HistoryRow>> {
  const { rows } = await client.query<HistoryRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function checkHistory(migrations: MigrationFile[], history: Map<string, HistoryRow>): void {
  for (const migration of migrations) {
    const row = history.get(migration.name);
    if (!row) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration \`${migration.name}\` failed earlier and was not rolled back; fix the database by hand, then mark it rolled back`,
      );
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `migration \`${migration.name}\` was changed after it was applied (checksum ${row.checksum} in the database, ${migration.checksum} on disk); add a new migration instead of editing an applied one`,
      );
    }
  }
}

/** Applies one migration in a transaction; false when another process applied it meanwhile. */
async function applyMigration(client: pg.PoolClient, migration: MigrationFile): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const { rowCount } = await client.query(
      'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL',
      [migration.name],
    );
    if (rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const id = randomUUID();
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    );
    // A query without parameters uses the simple protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`migration \`${migration.name}\` failed and was rolled back: ${describe(error)}`, {
      cause: error,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
