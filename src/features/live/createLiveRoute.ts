import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse';
import { createContext, type Context, type ContextDependencies } from '../../context.js';
import { flushAuditEvents } from '../audit/flushAuditEvents.js';
import { readBody } from '../../http/readBody.js';
import type { Route } from '../../http/Route.js';

/** The URL path subscriptions are served at. */
export const livePath = '/graphql/stream';

/** What the live route is built from. */
export interface LiveRouteOptions {
  /** The executable schema (the same SDL and resolvers as Apollo's, Subscription included). */
  schema: GraphQLSchema;
  /** What each request's context is built from, exactly as for /graphql (authentication included). */
  contextDependencies: ContextDependencies;
  /** The server's one error choke point, so subscription errors are masked like every other. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** The live route, and how to end its open streams at shutdown. */
export interface LiveRoute extends Route {
  /** Ends every open stream (their subscriptions release their listeners). */
  close(): Promise<void>;
}

/**
 * GraphQL subscriptions over Server-Sent Events with the `graphql-sse` protocol (distinct connections mode)
 * at {@link livePath}. Each request is authenticated before anything else, from its headers and the raw
 * body — HTTP Basic with X-Amz-Security-Token, or SigV4 over the body — which is why SSE and not WebSockets:
 * a browser's WebSocket cannot send those headers. A failed authentication answers with AWS's code and
 * status as /graphql does.
 */
export function createLiveRoute(options: LiveRouteOptions): LiveRoute {
  const streams = new Set<AsyncGenerator<unknown>>();
  // graphql-sse types its context as a plain record; ours is the API's Context, the one resolvers expect.
  type OperationContext = Context & Record<PropertyKey, unknown>;
  const handler = createHandler<IncomingMessage, { res: ServerResponse; graphql: Context }, OperationContext>({
    schema: options.schema,
    context: (request) => request.context.graphql as OperationContext,
    onNext: (_context, _request, result) =>
      result.errors
        ? {
            ...result,
            errors: result.errors.map((error) => options.formatError(error.toJSON(), error) as GraphQLError),
          }
        : result,
  });

  return {
    async handle(req, res) {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== livePath) return false;
      const raw = await readBody(req);
      let context: Context;
      try {
        context = await createContext(
          {
            method: req.method ?? 'GET',
            url: req.url ?? '/',
            headers: req.headers,
            body: raw,
            sourceIp: req.socket.remoteAddress ?? null,
          },
          options.contextDependencies,
        );
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [options.formatError(error.toJSON(), error)] }));
        return true;
      }
      const [body, init] = await handler({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: {
          get(key) {
            const header = req.headers[key];
            return Array.isArray(header) ? header.join('\n') : header;
          },
        },
        body: raw.toString('utf8'),
        raw: req,
        context: { res, graphql: context },
      });
      // The subscription was authorized as it started: its decision is audited like any request's.
      await flushAuditEvents(context);
      res.writeHead(init.status, init.statusText, init.headers);
      if (!body || typeof body === 'string') {
        res.end(body);
        return true;
      }
      streams.add(body);
      const stop = () => void body.return(undefined);
      res.once('close', stop);
      try {
        for await (const chunk of body) {
          if (!res.writable) break;
          res.write(chunk);
        }
      } finally {
        res.off('close', stop);
        streams.delete(body);
        res.end();
      }
      return true;
    },
    async close() {
      await Promise.all([...streams].map((stream) => stream.return(undefined)));
    },
  };
}
