import { describe, expect, it } from 'vitest';
import { ConfigError, defaultPgliteDataDir, defaultStateDir, loadConfig } from './config.js';
import { defaultQueryLimits } from './graphql/limits/queryLimits.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('defaults to port 4000 on 127.0.0.1, the embedded database and info logs', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      database: { embedded: { dataDir: defaultPgliteDataDir } },
      stateDir: defaultStateDir,
      logLevel: 'info',
      encryptionKey: null,
      operatorCredential: null,
      corsOrigins: [],
      introspection: true,
      seed: null,
      queryLimits: defaultQueryLimits,
    });
  });

  it('keeps all state under PLAYGROUND_STATE_DIR, the embedded database included unless PGLITE_DATA_DIR says otherwise', () => {
    const config = loadConfig({ PLAYGROUND_STATE_DIR: '/var/lib/iam-playground' });
    expect(config.stateDir).toBe('/var/lib/iam-playground');
    expect(config.database).toEqual({ embedded: { dataDir: '/var/lib/iam-playground/pglite' } });
    expect(loadConfig({ PLAYGROUND_STATE_DIR: '/state', PGLITE_DATA_DIR: '/db' }).database).toEqual({
      embedded: { dataDir: '/db' },
    });
  });

  it('reads the query limits, refusing what is not a positive whole number', () => {
    expect(loadConfig({ QUERY_MAX_DEPTH: '20', QUERY_TIMEOUT_MS: '5000' }).queryLimits).toMatchObject({
      maxDepth: 20,
      executionTimeoutMs: 5000,
    });
    expect(problemsOf({ QUERY_MAX_COST: 'lots' })).toEqual([
      'QUERY_MAX_COST must be a whole number of at least 1; got `lots`',
    ]);
  });

  it('reads every setting', () => {
    const key = 'ab'.repeat(32);
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://app:secret@db:5432/iam',
      LOG_LEVEL: 'DEBUG',
      PLAYGROUND_ENCRYPTION_KEY: key,
      PLAYGROUND_OPERATOR_ACCESS_KEY_ID: 'AKIAOPERATOR00000001',
      PLAYGROUND_OPERATOR_SECRET_ACCESS_KEY: 'x'.repeat(40),
      CORS_ORIGINS: 'http://localhost:5173, https://example.com',
      INTROSPECTION: 'false',
      SEED: 'three-account-org',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      database: { url: 'postgresql://app:secret@db:5432/iam' },
      logLevel: 'debug',
      operatorCredential: { accessKeyId: 'AKIAOPERATOR00000001' },
      corsOrigins: ['http://localhost:5173', 'https://example.com'],
      introspection: false,
      seed: 'three-account-org',
    });
    expect(config.encryptionKey).toEqual(Buffer.from(key, 'hex'));
  });

  it('treats empty values as unset and takes a relative PGLITE_DATA_DIR from the working directory', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '  ', PGLITE_DATA_DIR: 'tmp/db' });
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ embedded: { dataDir: `${process.cwd()}/tmp/db` } });
  });

  it('reports every bad value at once, one clear line each', () => {
    const problems = problemsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://db/iam',
      LOG_LEVEL: 'verbose',
      PLAYGROUND_ENCRYPTION_KEY: 'short',
      PLAYGROUND_OPERATOR_ACCESS_KEY_ID: 'AKIAONLY',
      CORS_ORIGINS: 'localhost:3000',
      INTROSPECTION: 'maybe',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535; got `70000`',
      'DATABASE_URL must start with postgresql:// or postgres://; got `mysql://`',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got `verbose`',
      'PLAYGROUND_ENCRYPTION_KEY must be 32 bytes, written as 64 hex digits or in base64',
      'PLAYGROUND_OPERATOR_ACCESS_KEY_ID and PLAYGROUND_OPERATOR_SECRET_ACCESS_KEY must be set together',
      'CORS_ORIGINS entries must be origins like https://example.com (or *); got `localhost:3000`',
      'INTROSPECTION must be true or false; got `maybe`',
    ]);
  });

  it('rejects a DATABASE_URL that is not a URL without echoing it (it may hold a password)', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres is over there' })).toEqual([
      'DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database',
    ]);
  });
});
