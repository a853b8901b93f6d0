import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Authenticate } from '../../src/context.js';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { createDefaultRoutes } from '../../src/http/createDefaultRoutes.js';
import type { Route } from '../../src/http/Route.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type PlaygroundServer } from '../../src/server.js';
import type { LogLevel } from '../../src/config.js';
import type { QueryLimits } from '../../src/graphql/limits/queryLimits.js';
import type { SecretCipher } from '../../src/features/auth/secretCipher.js';
import type { GraphqlResponse } from './postGraphql.js';
import { signedPost, type SigningKey } from './signedPost.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './createTestDatabase.js';

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Serve this database instead of creating a fresh one (it is then not closed by `close()`). */
  database?: TestDatabase;
  /** Options for the fresh database (e.g. `onQuery` to count SQL statements). */
  databaseOptions?: TestDatabaseOptions;
  /** Replace the server's authenticator (default: the real one, with a fresh operator credential). */
  authenticate?: Authenticate;
  /** The secret cipher (pass the authenticator's, so secrets written by mutations decrypt at sign-in). */
  cipher?: SecretCipher;
  /** Replace the extra routes (default: the same as production, i.e. the explorer). */
  routes?: Route[];
  /** Log level (default `silent`; set LOG_LEVEL to see the server's logs while debugging). */
  logLevel?: LogLevel;
  /** Replace the query limits (default: production's). */
  queryLimits?: QueryLimits;
}

/** A running test server. */
export interface TestServer {
  /** The base URL, `http://127.0.0.1:PORT` (GraphQL is at `${url}/graphql`). */
  url: string;
  /** The server's database, for arranging rows and asserting on them. */
  database: TestDatabase;
  /** The server itself, for tests of shutdown. */
  server: PlaygroundServer;
  /** The operator credential of the default authenticator; null when the test passed its own authenticator. */
  operator: SigningKey | null;
  /** Sends a GraphQL operation signed with SigV4 (AppSync's IAM mode), as the operator unless another key is given. */
  query<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: SigningKey,
  ): Promise<GraphqlResponse<TData>>;
  /** Stops the server and closes (and drops) the database it created. */
  close(): Promise<void>;
}

/**
 * Starts the full HTTP server (the one main.ts runs) on 127.0.0.1 and a free port, on a fresh migrated
 * database of its own unless one is given. Call in `beforeAll`, `close()` in `afterAll`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase(options.databaseOptions));
  const logger = createLogger(options.logLevel ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'silent');
  const cipher = options.cipher ?? createSecretCipher(randomBytes(32));
  const operator = options.authenticate
    ? null
    : { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
  const authenticate =
    options.authenticate ??
    createAuthenticator({ cipher, operator: { ...operator!, arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID } });
  const server = await createServer({
    database,
    logger,
    authenticate,
    cipher,
    routes: options.routes ?? createDefaultRoutes(),
    ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    server,
    operator,
    query(text, variables = {}, key) {
      const signer = key ?? operator;
      if (signer === null) throw new Error('this server has a custom authenticator: pass the key to sign with');
      return signedPost(url, signer, text, variables);
    },
    async close() {
      await server.close();
      if (!options.database) await database.close();
    },
  };
}
