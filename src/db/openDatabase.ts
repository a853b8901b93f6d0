import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from './startEmbeddedPostgres.js';

/** The application's handle on its storage: Prisma for the model, the pg pool for raw SQL. */
export interface Database {
  /** The Prisma client, backed by `pool` through `@prisma/adapter-pg`. */
  prisma: PrismaClient;
  /**
   * The pg pool, for raw SQL (access analysis, health checks, migrations). Inside a Prisma transaction use
   * the transaction client, never the pool: on PGlite the pool has one connection, which the transaction
   * holds, so a pool query there would wait forever.
   */
  pool: pg.Pool;
  /** The connection URL the pool uses (for the embedded database, its loopback socket). */
  url: string;
  /** `postgres` for a server named by DATABASE_URL, `embedded` for PGlite. */
  kind: 'postgres' | 'embedded';
  /** Disconnects Prisma, ends the pool and stops the embedded database when there is one. */
  close(): Promise<void>;
}

/** Where the database lives: a Postgres URL, or an embedded PGlite (on disk or in memory). */
export type DatabaseLocation = { url: string } | { embedded: EmbeddedPostgresOptions };

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Pool size for a real Postgres server. Default 10. */
  poolSize?: number;
  /** Called with every SQL statement the pool sends (tests count statements with it). */
  onQuery?: (sql: string) => void;
}

/** How long a transaction waits for a connection before Prisma gives up (P2028). */
export const transactionMaxWaitMs = 10_000;

/**
 * The pool size on PGlite. PGlite is a single Postgres backend: queries from several connections share
 * one session, so only one connection keeps transactions and session state apart.
 */
export const embeddedPoolSize = 1;

/**
 * Opens the database: a pg pool plus a Prisma client over it. With `{ embedded }` it first starts PGlite
 * behind a loopback socket, so both kinds take the same driver path. It does not migrate (see `migrate`)
 * and does not connect until first used; call `checkDatabase` to fail fast.
 */
export async function openDatabase(location: DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded = 'embedded' in location ? await startEmbeddedPostgres(location.embedded) : null;
  const url = embedded ? embedded.url : (location as { url: string }).url;
  const pool = new pg.Pool({
    connectionString: url,
    max: embedded ? embeddedPoolSize : (options.poolSize ?? 10),
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that would
  // crash the process. The next query reports the problem instead.
  pool.on('error', () => undefined);
  if (options.onQuery) countQueries(pool, options.onQuery);
  // Transactions queue for the pool's connections (on PGlite, its one connection): wait up to
  // transactionMaxWaitMs for one rather than Prisma's 2 s, so contention is absorbed instead of failing
  // with P2028 (which, if it still happens, is answered as a retryable 503 — see isDatabaseUnavailable).
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: transactionMaxWaitMs },
  });
  let closed = false;
  return {
    prisma,
    pool,
    url,
    kind: embedded ? 'embedded' : 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
      await embedded?.close();
    },
  };
}

/** Answers whether the database takes a trivial query, for start-up and `/health`. */
export async function checkDatabase(database: Pick<Database, 'pool'>): Promise<void> {
  await database.pool.query('SELECT 1');
}

function countQueries(pool: pg.Pool, onQuery: (sql: string) => void): void {
  // Every statement, from Prisma or raw, goes through a pooled client's query method.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      if (text !== undefined) onQuery(text);
      return query(...args);
    };
  });
}
