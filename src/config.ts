import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseLocation } from './db/openDatabase.js';
import { defaultQueryLimits, type QueryLimits } from './graphql/limits/queryLimits.js';

/** pino's level names, plus `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A log level accepted by LOG_LEVEL. */
export type LogLevel = (typeof logLevels)[number];

/** The service's configuration, read once from the environment at start-up. */
export interface Config {
  /** PORT: the TCP port to listen on (default 4000; 0 picks a free one). */
  port: number;
  /** HOST: the interface to bind (default 127.0.0.1, so a playground is not exposed by accident). */
  host: string;
  /** DATABASE_URL when set; otherwise the embedded PGlite under PGLITE_DATA_DIR (default `<stateDir>/pglite`). */
  database: DatabaseLocation;
  /**
   * PLAYGROUND_STATE_DIR (default `.data` at the repository root): the one directory that holds everything the
   * service keeps on disk — the generated encryption key, the generated operator credential and, by default,
   * the embedded database — so a container mounts one volume.
   */
  stateDir: string;
  /** LOG_LEVEL (default info). */
  logLevel: LogLevel;
  /** PLAYGROUND_ENCRYPTION_KEY: 32 bytes as 64 hex digits or base64, for secrets at rest; null = derive/generate. */
  encryptionKey: Buffer | null;
  /** PLAYGROUND_OPERATOR_ACCESS_KEY_ID / _SECRET_ACCESS_KEY: the bootstrap operator credential, or null to generate one. */
  operatorCredential: { accessKeyId: string; secretAccessKey: string } | null;
  /** CORS_ORIGINS: comma-separated origins allowed to call the API from browsers (`*` for any); empty = none. */
  corsOrigins: string[];
  /** INTROSPECTION: whether GraphQL introspection is on (default true: it is a playground). */
  introspection: boolean;
  /** SEED: the name of a scenario to load at start, or null. */
  seed: string | null;
  /** QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_COST, QUERY_TIMEOUT_MS: the GraphQL operation limits. */
  queryLimits: QueryLimits;
}

/** Every problem found in the environment, one clear line each. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** The default state directory: `.data` at the repository root (ignored by git). */
export const defaultStateDir = resolve(repositoryRoot, '.data');

/** The embedded database's directory inside a state directory. */
export function pgliteDataDirOf(stateDir: string): string {
  return resolve(stateDir, 'pglite');
}

/** The embedded database's default directory: `.data/pglite` at the repository root. */
export const defaultPgliteDataDir = pgliteDataDirOf(defaultStateDir);

/**
 * Reads and validates the configuration. Collects every bad value before failing, so one start shows
 * them all; throws {@link ConfigError}.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const port = parsePort(value('PORT'), problems);
  const host = value('HOST') ?? '127.0.0.1';
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl, problems);
  const dataDir = value('PGLITE_DATA_DIR');
  const stateDirSetting = value('PLAYGROUND_STATE_DIR');
  const stateDir = stateDirSetting === undefined ? defaultStateDir : toAbsolute(stateDirSetting);
  const queryLimits: QueryLimits = {
    ...defaultQueryLimits,
    maxDepth: parseCount('QUERY_MAX_DEPTH', value('QUERY_MAX_DEPTH'), defaultQueryLimits.maxDepth, problems),
    maxAliases: parseCount('QUERY_MAX_ALIASES', value('QUERY_MAX_ALIASES'), defaultQueryLimits.maxAliases, problems),
    maxCost: parseCount('QUERY_MAX_COST', value('QUERY_MAX_COST'), defaultQueryLimits.maxCost, problems),
    executionTimeoutMs: parseCount(
      'QUERY_TIMEOUT_MS',
      value('QUERY_TIMEOUT_MS'),
      defaultQueryLimits.executionTimeoutMs,
      problems,
    ),
  };
  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}; got \`${logLevel}\``);
  }
  const encryptionKey = parseEncryptionKey(value('PLAYGROUND_ENCRYPTION_KEY'), problems);
  const operatorCredential = parseOperatorCredential(
    value('PLAYGROUND_OPERATOR_ACCESS_KEY_ID'),
    value('PLAYGROUND_OPERATOR_SECRET_ACCESS_KEY'),
    problems,
  );
  const corsOrigins = parseOrigins(value('CORS_ORIGINS'), problems);
  const introspection = parseBoolean('INTROSPECTION', value('INTROSPECTION'), true, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    database:
      databaseUrl !== undefined
        ? { url: databaseUrl }
        : { embedded: { dataDir: dataDir === undefined ? pgliteDataDirOf(stateDir) : toAbsolute(dataDir) } },
    stateDir,
    logLevel: logLevel as LogLevel,
    encryptionKey,
    operatorCredential,
    corsOrigins,
    introspection,
    seed: value('SEED') ?? null,
    queryLimits,
  };
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535; got \`${raw}\``);
  }
  return port;
}

function checkDatabaseUrl(raw: string, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push('DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database');
    return;
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    problems.push(`DATABASE_URL must start with postgresql:// or postgres://; got \`${url.protocol}//\``);
  } else if (url.hostname === '') {
    problems.push('DATABASE_URL names no host; expected postgresql://user:password@host:5432/database');
  }
}

function parseEncryptionKey(raw: string | undefined, problems: string[]): Buffer | null {
  if (raw === undefined) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    problems.push('PLAYGROUND_ENCRYPTION_KEY must be 32 bytes, written as 64 hex digits or in base64');
    return null;
  }
  return key;
}

function parseOperatorCredential(
  accessKeyId: string | undefined,
  secretAccessKey: string | undefined,
  problems: string[],
): Config['operatorCredential'] {
  if (accessKeyId === undefined && secretAccessKey === undefined) return null;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    problems.push('PLAYGROUND_OPERATOR_ACCESS_KEY_ID and PLAYGROUND_OPERATOR_SECRET_ACCESS_KEY must be set together');
    return null;
  }
  if (!/^AKIA[A-Z0-9]{12,124}$/.test(accessKeyId)) {
    problems.push(
      `PLAYGROUND_OPERATOR_ACCESS_KEY_ID must look like an access key id (AKIA + 12 or more A-Z/0-9); got \`${accessKeyId}\``,
    );
  }
  if (secretAccessKey.length < 16) {
    problems.push('PLAYGROUND_OPERATOR_SECRET_ACCESS_KEY must be at least 16 characters');
  }
  return { accessKeyId, secretAccessKey };
}

function parseOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (parsed === null || parsed.origin !== origin) {
      problems.push(`CORS_ORIGINS entries must be origins like https://example.com (or *); got \`${origin}\``);
    }
  }
  return origins;
}

function parseCount(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    problems.push(`${name} must be a whole number of at least 1; got \`${raw}\``);
    return fallback;
  }
  return Number(raw);
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined) return fallback;
  const lower = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  problems.push(`${name} must be true or false; got \`${raw}\``);
  return fallback;
}

function toAbsolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}
