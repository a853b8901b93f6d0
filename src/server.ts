import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { randomBytes, randomUUID } from 'node:crypto';
import { createContext, type Authenticate, type Context } from './context.js';
import { createSecretCipher, type SecretCipher } from './features/auth/secretCipher.js';
import type { Database } from './db/openDatabase.js';
import { createAwsProtocolRoute } from './features/awsProtocols/createAwsProtocolRoute.js';
import { isDatabaseUnavailable } from './db/isDatabaseUnavailable.js';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createLiveEvents } from './features/live/createLiveEvents.js';
import { createLiveRoute } from './features/live/createLiveRoute.js';
import { createFormatError } from './graphql/formatError.js';
import { createServiceUnavailablePlugin } from './graphql/createServiceUnavailablePlugin.js';
import {
  retryAfterSeconds,
  serviceUnavailableError,
  serviceUnavailableMessage,
} from './graphql/serviceUnavailableError.js';
import { resolvers } from './api/resolvers.js';
import { createArgumentGuardPlugin } from './graphql/edge/createArgumentGuardPlugin.js';
import { createLimitValidationRules } from './graphql/limits/createLimitValidationRules.js';
import { createQueryLimitsPlugin } from './graphql/limits/createQueryLimitsPlugin.js';
import { defaultQueryLimits, type QueryLimits } from './graphql/limits/queryLimits.js';
import { createCors } from './http/cors.js';
import { createHealthRoute } from './http/createHealthRoute.js';
import { createOidcIssuerRoute } from './features/federation/createOidcIssuerRoute.js';
import { BodyTooLargeError, readBody } from './http/readBody.js';
import type { Route } from './http/Route.js';
import { runWithRequestLogger, type Logger } from './logger.js';
import { flushAuditEvents } from './features/audit/flushAuditEvents.js';

/** The SDL, read once from the repository root. */
export const schemaPath = new URL('../schema.graphql', import.meta.url);

/** The URL path GraphQL is served at. */
export const graphqlPath = '/graphql';

/** How long `close()` lets in-flight requests finish before cutting their connections. */
export const shutdownGraceMs = 10_000;

/** What the server is built from. */
export interface ServerOptions {
  database: Database;
  logger: Logger;
  /** Finds the caller of each request (the auth feature's); default: anonymous (null). */
  authenticate?: Authenticate | undefined;
  /** The secret cipher (pass the authenticator's); default: one with a random key, for tests. */
  cipher?: SecretCipher | undefined;
  /** Extra routes offered each request before GraphQL, in order (the explorer's, for example). */
  routes?: readonly Route[];
  /** Whether introspection is allowed (default true). */
  introspection?: boolean;
  /** Origins allowed to call the API from browsers (default none). */
  corsOrigins?: readonly string[];
  /** Depth, alias, cost and time limits of every operation (default {@link defaultQueryLimits}). */
  queryLimits?: QueryLimits;
}

/** The HTTP server, not yet listening, and how to stop it. */
export interface PlaygroundServer {
  httpServer: Server;
  apollo: ApolloServer<Context>;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to {@link shutdownGraceMs}), then
   * stops Apollo. The database stays open: its owner closes it.
   */
  close(): Promise<void>;
}

/**
 * Builds the HTTP server: CORS, `/health`, the AWS protocols at `/`, the extra routes, then Apollo Server at `/graphql` through
 * `executeHTTPGraphQLRequest`; anything else is 404. One log line per request. Does not listen.
 */
export async function createServer(options: ServerOptions): Promise<PlaygroundServer> {
  const { database, logger } = options;
  const limits = options.queryLimits ?? defaultQueryLimits;
  const typeDefs = readFileSync(schemaPath, 'utf8');
  const formatError = createFormatError(logger);
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling and shuts down in order; the explorer replaces Apollo's landing page.
    stopOnTerminationSignals: false,
    // Limits apply to every caller, anonymous introspection included (see src/graphql/limits).
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: createLimitValidationRules(limits),
    // Offline means offline: never report usage or the schema to Apollo's cloud, whatever the environment says.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      createQueryLimitsPlugin<Context>(limits),
      createArgumentGuardPlugin<Context>(),
      createServiceUnavailablePlugin<Context>(),
      auditFlushPlugin,
    ],
  });
  await apollo.start();

  const cors = createCors(options.corsOrigins ?? []);
  // Subscriptions: the same SDL and resolvers as Apollo's, executed by graphql-sse over Server-Sent Events.
  const live = createLiveEvents(database, logger);
  const contextDependencies = {
    database,
    logger,
    authenticate: options.authenticate,
    cipher: options.cipher ?? createSecretCipher(randomBytes(32)),
    live,
  };
  const liveRoute = createLiveRoute({
    schema: makeExecutableSchema({ typeDefs, resolvers: resolvers as never }),
    contextDependencies,
    formatError,
  });
  // The AWS protocols answer at `/` before the explorer, which keeps browser GETs of `/` without an Action.
  const routes: Route[] = [
    createHealthRoute(database),
    createOidcIssuerRoute(database),
    liveRoute,
    createAwsProtocolRoute(contextDependencies),
    ...(options.routes ?? []),
  ];

  const handleGraphql = async (
    req: IncomingMessage,
    res: ServerResponse,
    operation: { name?: string },
    log: Logger,
  ) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return sendJson(res, 405, {
        errors: [{ message: `method ${req.method} is not allowed`, extensions: { code: 'METHOD_NOT_ALLOWED' } }],
      });
    }
    const raw = await readBody(req);
    const headers = toHeaderMap(req);
    let body: unknown = raw.toString('utf8');
    if (raw.length > 0 && (headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, {
          errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    const name = (body as { operationName?: unknown } | null)?.operationName;
    if (typeof name === 'string') operation.name = name;
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method,
      headers,
      search: new URL(req.url ?? '/', 'http://localhost').search,
      body,
    };
    const request = {
      method: req.method,
      url: req.url ?? '/',
      headers: req.headers,
      body: raw,
      sourceIp: req.socket.remoteAddress ?? null,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      // Authentication reads the database: an outage there is a 503, not "Context creation failed".
      context: () =>
        createContext(request, { ...contextDependencies, logger: log }).catch((error: unknown) => {
          throw isDatabaseUnavailable(error) ? serviceUnavailableError() : error;
        }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, log: Logger) => {
    const started = performance.now();
    const operation: { name?: string } = {};
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          path: new URL(req.url ?? '/', 'http://localhost').pathname,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(operation.name ? { operationName: operation.name } : {}),
        },
        'request',
      );
    });
    try {
      if (cors.handle(req, res)) return;
      for (const route of routes) if (await route.handle(req, res)) return;
      if (new URL(req.url ?? '/', 'http://localhost').pathname === graphqlPath) {
        await handleGraphql(req, res, operation, log);
        return;
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is still on the wire: close the connection after answering rather than read
        // (or mistake for the next request) what may be megabytes more.
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.socket.destroySoon());
        sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        return;
      }
      if (isDatabaseUnavailable(error) && !res.headersSent) {
        log.warn({ err: error }, 'database unavailable');
        res.setHeader('Retry-After', String(retryAfterSeconds));
        sendJson(res, 503, {
          errors: [{ message: serviceUnavailableMessage, extensions: { code: 'ServiceUnavailable' } }],
        });
        return;
      }
      log.error({ err: error }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.destroy();
    }
  };

  // Every request gets an id (the client's X-Request-Id when it is a sane one), echoed in the response and on
  // every log line logged while serving it: a child logger, also reachable as requestLogger() for formatError.
  const httpServer = createHttpServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const log = logger.child({ requestId });
    void runWithRequestLogger(log, () => handle(req, res, log));
  });
  let closing: Promise<void> | null = null;
  return {
    httpServer,
    apollo,
    close() {
      closing ??= (async () => {
        const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        // Open event streams would hold their connections until the grace period ends: end them now.
        await liveRoute.close();
        await live.close();
        // Keep-alive connections turn idle as their last response ends; close each as soon as it does.
        httpServer.closeIdleConnections();
        const sweep = setInterval(() => httpServer.closeIdleConnections(), 25);
        const force = setTimeout(() => httpServer.closeAllConnections(), shutdownGraceMs);
        await drained;
        clearInterval(sweep);
        clearTimeout(force);
        await apollo.stop();
      })();
      return closing;
    },
  };
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Writes each request's authorization audit events in one statement once it has executed, before responding. */
const auditFlushPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        if (contextValue?.authorization) await flushAuditEvents(contextValue);
      },
    };
  },
};

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
