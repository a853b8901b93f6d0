import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Cross-origin access to the API, by allow-list. Front ends served from another origin (a dev server on
 * localhost:5173, say) may call the API only when their origin is listed in CORS_ORIGINS; `*` lets any origin
 * in. No cookies are involved — callers send credentials in headers — so credentialed CORS is never enabled.
 */
export interface Cors {
  /**
   * Adds the CORS response headers a request's Origin earns, and answers a preflight (OPTIONS with
   * Access-Control-Request-Method) outright: 204 for an allowed origin, 403 otherwise. Returns true when it
   * answered, so the server stops there; false when the request goes on to its route.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** The methods the API answers cross-origin: GraphQL over HTTP uses GET and POST. */
export const corsAllowedMethods = ['GET', 'POST'] as const;

/**
 * The request headers a cross-origin caller may send: JSON bodies, both ways of passing credentials (HTTP
 * Basic + X-Amz-Security-Token, and SigV4's headers) and Apollo's client headers.
 */
export const corsAllowedHeaders = [
  'accept',
  'authorization',
  'content-type',
  'x-amz-content-sha256',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-user-agent',
  'apollo-require-preflight',
  'x-apollo-operation-name',
] as const;

/** How long a browser may cache a preflight answer, in seconds. */
export const corsMaxAgeSeconds = 600;

/** Creates the CORS handler for the given allow-list (`config.corsOrigins`, validated by src/config.ts). */
export function createCors(allowedOrigins: readonly string[]): Cors {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  const isAllowed = (origin: string): boolean => anyOrigin || allowed.has(origin.toLowerCase());

  return {
    handle(req, res) {
      const origin = req.headers.origin;
      // Answers depend on Origin, so shared caches must key on it even for requests without one.
      res.appendHeader('Vary', 'Origin');
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (origin === undefined) return false;
      const permitted = isAllowed(origin);
      if (permitted) res.setHeader('Access-Control-Allow-Origin', origin);
      if (!preflight) return false;

      res.appendHeader('Vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
      if (!permitted) {
        res.statusCode = 403;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`origin ${origin} is not allowed; add it to CORS_ORIGINS`);
        return true;
      }
      res.statusCode = 204;
      res.setHeader('Access-Control-Allow-Methods', corsAllowedMethods.join(', '));
      res.setHeader('Access-Control-Allow-Headers', corsAllowedHeaders.join(', '));
      res.setHeader('Access-Control-Max-Age', String(corsMaxAgeSeconds));
      res.setHeader('Content-Length', '0');
      res.end();
      return true;
    },
  };
}
