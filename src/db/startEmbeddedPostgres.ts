import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** An embedded PGlite reachable over the Postgres wire protocol on a loopback port. */
export interface EmbeddedPostgres {
  /** A `postgresql://` URL the pg driver connects to. */
  url: string;
  /** Stops the socket server and closes PGlite (flushing its data directory). */
  close(): Promise<void>;
}

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Where PGlite keeps its files (created when missing); null keeps the database in memory. */
  dataDir: string | null;
  /** Start from this dump of a data directory (`PGlite.dumpDataDir`) instead of an empty database. */
  loadDataDir?: Blob | undefined;
}

/**
 * The most clients the socket server accepts at once. PGlite is one Postgres backend: the socket server
 * queues queries and keeps a transaction's queries together, but a pooled application should use one
 * connection (see `embeddedPoolSize`); the spare slots let tools and tests attach beside it.
 */
const maxSocketConnections = 8;

/**
 * Starts PGlite and serves it with `@electric-sql/pglite-socket` on 127.0.0.1 and a free port, so the
 * application reaches it through the same pg driver and Prisma adapter as a real Postgres server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  if (options.dataDir !== null) await mkdir(options.dataDir, { recursive: true });
  const db = new PGlite({
    ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await db.waitReady;
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxSocketConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
