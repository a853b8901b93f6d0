import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../../db/openDatabase.js';
import type { Route } from '../../http/Route.js';
import { builtInIssuerUrl } from './builtInIssuer.js';
import { findIssuerPublicJwk, ISSUER_ALGORITHM } from './oidcIssuerKeys.js';

const PATH = /^\/oidc\/([a-z0-9][a-z0-9-]{0,63})\/\.well-known\/(openid-configuration|jwks)$/;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Serves the built-in OIDC issuers like any OpenID provider: `GET /oidc/<name>/.well-known/openid-configuration`
 * (the discovery document, whose `jwks_uri` points back at this server) and `GET /oidc/<name>/.well-known/jwks`
 * (the public signing key). Unsigned, as an IdP's discovery endpoints are. An issuer exists once a token was
 * minted with it; before that both answer 404.
 */
export function createOidcIssuerRoute(database: Database): Route {
  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      if (match === null) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        send(res, 405, { error: `method ${req.method} is not allowed` });
        return true;
      }
      const [, name, document] = match as unknown as [string, string, string];
      const jwk = await findIssuerPublicJwk(database.prisma, name);
      if (jwk === null) {
        send(res, 404, { error: `no built-in issuer named ${name}; mint a token with it first (mintOidcToken)` });
        return true;
      }
      if (document === 'jwks') {
        send(res, 200, { keys: [jwk] });
        return true;
      }
      const host = req.headers.host ?? 'localhost';
      send(res, 200, {
        issuer: builtInIssuerUrl(name),
        jwks_uri: `http://${host}/oidc/${name}/.well-known/jwks`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [ISSUER_ALGORITHM],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'nbf', 'iss', 'amr', 'azp'],
      });
      return true;
    },
  };
}
