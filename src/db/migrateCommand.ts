/**
 * `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or the
 * embedded PGlite under .data/) and exits; a clear one-line message and exit code 1 on failure.
 */
import { loadConfig } from '../config.js';
import { describeStartupError } from './describeStartupError.js';
import { migrate } from './migrate.js';
import { openDatabase } from './openDatabase.js';

try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const { applied } = await migrate(database.pool);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(describeStartupError(error));
  process.exitCode = 1;
}
