import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDirectory } from './lockDataDirectory.js';

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
 * application reaches it through the same pg driver and Prisma adapter as a real Postgres server. A data
 * directory on disk is locked for this process (see `lockDataDirectory`) until `close()`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  let unlock: () => void = () => undefined;
  if (options.dataDir !== null) {
    await mkdir(dirname(options.dataDir), { recursive: true });
    // One process per data directory: a second opener is refused before PGlite touches the files.
    unlock = lockDataDirectory(options.dataDir);
  }
  let db: PGlite | null = null;
  try {
    if (options.dataDir !== null) await mkdir(options.dataDir, { recursive: true });
    db = new PGlite({
      ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await db.waitReady;
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxSocketConnections });
    await server.start();
    const opened = db;
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres`,
      async close() {
        try {
          await server.stop();
          await opened.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}
