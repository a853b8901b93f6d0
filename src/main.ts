/**
 * The composition root: configuration, database (DATABASE_URL or embedded PGlite), migrations, the HTTP
 * server, listen; graceful shutdown on SIGTERM/SIGINT. A failure to start prints one clear message (no
 * stack trace) and exits 1.
 */
import { dirname } from 'node:path';
import { defaultPgliteDataDir, loadConfig } from './config.js';
import { describeStartupError } from './db/describeStartupError.js';
import { migrate } from './db/migrate.js';
import { checkDatabase, openDatabase, type Database } from './db/openDatabase.js';
import { getAuthorizationIndex } from './features/access/getAuthorizationIndex.js';
import { createAuth, formatOperatorBanner } from './features/auth/createAuth.js';
import { getAuthorizationCaches } from './features/cache/getAuthorizationCaches.js';
import { formatLoadedScenario } from './features/scenarios/formatLoadedScenario.js';
import { loadScenarioByName } from './features/scenarios/loadScenarioByName.js';
import { createDefaultRoutes } from './http/createDefaultRoutes.js';
import { createLogger, closeLogger, type Logger } from './logger.js';
import { createServer, type PlaygroundServer } from './server.js';

let logger: Logger | null = null;
let database: Database | null = null;
let server: PlaygroundServer | null = null;
let stopListening: (() => Promise<void>) | null = null;

try {
  const config = loadConfig(process.env);
  logger = createLogger(config.logLevel);
  const log = logger;
  database = await openDatabase(config.database);
  await checkDatabase(database);
  const { applied } = await migrate(database.pool, { onApplied: (name) => log.info({ migration: name }, 'migration applied') });
  const auth = createAuth({ encryptionKey: config.encryptionKey, operatorCredential: config.operatorCredential, dataDir: dirname(defaultPgliteDataDir) });
  if (auth.operatorGenerated) console.log(formatOperatorBanner(auth.operator));
  // SEED=<name>: load a scenario before listening, so the explorer opens with its example operations.
  const seeded = config.seed === null ? null : await loadScenarioByName(database.prisma, config.seed, { cipher: auth.cipher });
  server = await createServer({
    database,
    logger,
    authenticate: auth.authenticate,
    cipher: auth.cipher,
    routes: createDefaultRoutes(seeded === null ? {} : { examples: seeded.examples }),
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
  });
  const httpServer = server.httpServer;
  // Before listening: a signal that follows the "listening" line must find its handler (with asynchronous logs
  // the line can reach a reader before start-up has finished).
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.info(
    { url: `http://${config.host}:${port}/graphql`, storage: database.kind, migrationsApplied: applied.length },
    `IAM Playground listening on http://${config.host}:${port}/graphql`,
  );
  if (seeded !== null) console.log(formatLoadedScenario(seeded, `http://${config.host}:${port}/graphql`));
  // Other processes on the same Postgres announce authorization changes by NOTIFY: refresh the access index
  // ahead of the next reader. (Readers never see a stale index anyway: each request checks the version row.)
  // The embedded database serves one connection, so it has no second process to hear from.
  // The version-keyed caches (src/features/cache) free stale entries on the same announcements.
  const pool = database.pool;
  if (database.kind === 'postgres') {
    stopListening = await getAuthorizationIndex(pool).listen(database.url, { onVersion: (version) => getAuthorizationCaches(pool).observe(version) });
  }
} catch (error) {
  console.error(describeStartupError(error));
  await server?.close().catch(() => undefined);
  await database?.close().catch(() => undefined);
  if (logger !== null) await closeLogger(logger);
  process.exit(1);
}

/** Stops accepting, lets in-flight requests finish, closes the pool and PGlite, exits 0. */
async function shutdown(signal: string): Promise<void> {
  logger?.info({ signal }, 'shutting down');
  try {
    await stopListening?.();
    await server?.close();
    await database?.close();
    logger?.info('stopped');
    if (logger !== null) await closeLogger(logger);
    process.exit(0);
  } catch (error) {
    logger?.error({ err: error }, 'shutdown failed');
    if (logger !== null) await closeLogger(logger);
    process.exit(1);
  }
}
