/**
 * The composition root: configuration, database (DATABASE_URL or embedded PGlite), migrations, the HTTP
 * server, listen; graceful shutdown on SIGTERM/SIGINT — once, however many signals arrive (npm, a process
 * group kill and an impatient Ctrl-C may each send one). A failure to start prints one clear message (no
 * stack trace) and exits 1.
 */
import { loadConfig } from './config.js';
import { describeStartupError } from './db/describeStartupError.js';
import { migrate } from './db/migrate.js';
import { refreshStoredAwsManagedPolicies } from './features/policies/awsManagedPolicyRows.js';
import { checkDatabase, openDatabase, type Database } from './db/openDatabase.js';
import { getAuthorizationIndex } from './features/access/getAuthorizationIndex.js';
import { createAuth, formatOperatorBanner } from './features/auth/createAuth.js';
import { getAuthorizationCaches } from './features/cache/getAuthorizationCaches.js';
import { formatLoadedScenario } from './features/scenarios/formatLoadedScenario.js';
import { loadScenarioByName } from './features/scenarios/loadScenarioByName.js';
import { createDefaultRoutes } from './http/createDefaultRoutes.js';
import { createLogger, closeLogger, type Logger } from './logger.js';
import { createServer, type PlaygroundServer } from './server.js';
import { noScenarioHint } from './features/explorer/explorerExamples.js';

let logger: Logger | null = null;
let database: Database | null = null;
let server: PlaygroundServer | null = null;
let stopListening: (() => Promise<void>) | null = null;
let started = false;
let stopSignal: string | null = null;

// Registered before anything starts, so a signal during start-up is not the default "die now" (which would
// leave the embedded database's files mid-write): the stop waits until start-up has finished.
const onSignal = (signal: NodeJS.Signals) => {
  if (stopSignal !== null) {
    logger?.info({ signal }, 'already shutting down');
    return;
  }
  stopSignal = signal;
  if (started) void shutdown(signal);
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);

try {
  const config = loadConfig(process.env);
  logger = createLogger(config.logLevel);
  const log = logger;
  // Start-up phases, logged with "listening" so `npm run bench -- startup` can tell the database from the rest.
  const phaseStart = performance.now();
  database = await openDatabase(config.database);
  await checkDatabase(database);
  const databaseMs = performance.now() - phaseStart;
  const { applied } = await migrate(database.pool, {
    onApplied: (name) => log.info({ migration: name }, 'migration applied'),
  });
  const migrationsMs = performance.now() - phaseStart - databaseMs;
  // Stored AWS managed policies follow the catalogue this build ships (AWS changes them; customers cannot).
  const refreshedPolicies = await refreshStoredAwsManagedPolicies(database.prisma);
  if (refreshedPolicies > 0)
    log.info({ policies: refreshedPolicies }, 'AWS managed policies refreshed from the catalogue');
  const auth = createAuth({
    encryptionKey: config.encryptionKey,
    operatorCredential: config.operatorCredential,
    dataDir: config.stateDir,
  });
  if (auth.operatorGenerated) console.log(formatOperatorBanner(auth.operator));
  // SEED=<name>: load a scenario before listening, so the explorer opens with its example operations.
  const seeded =
    config.seed === null ? null : await loadScenarioByName(database.prisma, config.seed, { cipher: auth.cipher });
  server = await createServer({
    database,
    logger,
    authenticate: auth.authenticate,
    cipher: auth.cipher,
    routes: createDefaultRoutes(
      seeded === null ? {} : { examples: seeded.examples, scenario: { name: seeded.name, title: seeded.title } },
    ),
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    queryLimits: config.queryLimits,
  });
  const httpServer = server.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const base = `http://${config.host}:${port}`;
  const startupMs = {
    database: Math.round(databaseMs),
    migrations: Math.round(migrationsMs),
    total: Math.round(performance.now() - phaseStart),
  };
  logger.info(
    {
      url: `${base}/graphql`,
      explorer: `${base}/`,
      storage: database.kind,
      migrationsApplied: applied.length,
      startupMs,
    },
    `IAM Playground listening on ${base}/graphql; open the explorer at ${base}/`,
  );
  if (seeded === null) logger.info({ hint: noScenarioHint }, noScenarioHint);
  if (seeded !== null) console.log(formatLoadedScenario(seeded, `http://${config.host}:${port}/graphql`));
  // Other processes on the same Postgres announce authorization changes by NOTIFY: refresh the access index
  // ahead of the next reader. (Readers never see a stale index anyway: each request checks the version row.)
  // The embedded database serves one connection, so it has no second process to hear from.
  // The version-keyed caches (src/features/cache) free stale entries on the same announcements.
  const pool = database.pool;
  if (database.kind === 'postgres') {
    stopListening = await getAuthorizationIndex(pool).listen(database.url, {
      onVersion: (version) => getAuthorizationCaches(pool).observe(version),
    });
  }
  started = true;
  if (stopSignal !== null) void shutdown(stopSignal);
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
