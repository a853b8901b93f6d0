import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { migrate, readMigrations } from '../../src/db/migrate.js';

/**
 * A dump of a freshly migrated PGlite data directory, shared by every test file through a file in the
 * temp directory named after the migrations' checksums. Starting PGlite from it skips initdb and the
 * migrations, which cost seconds per test file; an edited or new migration gets a new file. Concurrent
 * first uses each build it and the last rename wins (the dumps are equivalent).
 */
export async function loadMigratedTemplate(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash('sha256')
    .update(migrations.map((migration) => `${migration.name}:${migration.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `iam-playground-pglite-${key}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const dump = await buildTemplate();
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
    return dump;
  }
}

async function buildTemplate(): Promise<Blob> {
  const db = new PGlite();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const pool = new pg.Pool({ connectionString: `postgresql://postgres@${server.getServerConn()}/postgres`, max: 1 });
  try {
    // Through the socket and pg, exactly as the application migrates.
    await migrate(pool);
  } finally {
    await pool.end();
    await server.stop();
  }
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}
