import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { defaultExplorerExamples, type ExplorerExample } from './explorerExamples.js';
import type { ExplorerScenario } from './explorerPageConfig.js';
import { prefersHtml } from './prefersHtml.js';
import { explorerContentSecurityPolicy, renderExplorerPage, renderMissingBundlePage } from './renderExplorerPage.js';
import { serveExplorerAsset } from './serveExplorerAsset.js';

/** Options of the explorer routes. */
export interface ExplorerRouteOptions {
  /** The example operations opened as tabs; a seeded scenario passes its own. Default: the built-in ones. */
  examples?: readonly ExplorerExample[];
  /** The scenario loaded at start, named on the page; without one the page says how to load one. */
  scenario?: ExplorerScenario | null;
  /** The GraphQL endpoint the page talks to. Default `/graphql`. */
  endpoint?: string;
  /** Where the bundle was built. Default: `public/explorer` at the repository root. */
  bundleDir?: string;
}

/** The explorer's part of the server: answers its own requests and leaves every other one alone. */
export interface ExplorerRoutes {
  /**
   * Answers the request when it is the explorer's — GET/HEAD of `/` or of the GraphQL endpoint from a
   * browser (Accept prefers text/html), or of a file under `/explorer/` — and resolves true; otherwise sends
   * nothing and resolves false, so the server carries on with its other routes (GraphQL itself).
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** The URL path the bundle is served under. */
export const explorerAssetBase = '/explorer';

const defaultBundleDir = fileURLToPath(new URL('../../../public/explorer', import.meta.url));

/**
 * The routes that serve the offline GraphQL explorer: the HTML page (with the examples embedded) and the
 * bundled assets built by scripts/buildExplorer.mjs. The page is rendered once, since its inputs are fixed
 * for the life of the server.
 */
export function createExplorerRoutes(options: ExplorerRouteOptions = {}): ExplorerRoutes {
  const endpoint = options.endpoint ?? '/graphql';
  const bundleDir = options.bundleDir ?? defaultBundleDir;
  const page = renderExplorerPage({
    endpoint,
    assetBase: explorerAssetBase,
    examples: options.examples ?? defaultExplorerExamples,
    scenario: options.scenario ?? null,
  });

  return {
    async handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (pathname.startsWith(`${explorerAssetBase}/`)) {
        return serveExplorerAsset(bundleDir, decodePath(pathname.slice(explorerAssetBase.length + 1)), req, res);
      }
      if ((pathname === '/' || pathname === endpoint) && prefersHtml(req.headers.accept)) {
        // Checked per request so a bundle built after start-up is picked up without a restart.
        const built = existsSync(`${bundleDir}/explorer.js`);
        const body = built ? page : renderMissingBundlePage();
        res.statusCode = built ? 200 : 503;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Content-Security-Policy', explorerContentSecurityPolicy);
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Vary', 'Accept');
        res.setHeader('Content-Length', Buffer.byteLength(body));
        res.end(req.method === 'HEAD' ? undefined : body);
        return true;
      }
      return false;
    },
  };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape names no file; serveExplorerAsset then answers false (404 from the server).
    return '\0';
  }
}
