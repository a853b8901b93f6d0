import type { Database } from '../db/openDatabase.js';
import { checkDatabase } from '../db/openDatabase.js';
import type { Route } from './Route.js';

/** How long `/health` waits for the database before calling it down. */
export const healthTimeoutMs = 2000;

/**
 * `GET /health`: liveness plus whether the database answers. 200 `{ status: "ok", database: "up" }`, or
 * 503 `{ status: "degraded", database: "down" }` when a trivial query fails or takes over two seconds, so a
 * load balancer or Docker health check can tell a stuck instance.
 */
export function createHealthRoute(database: Pick<Database, 'pool' | 'kind'>): Route {
  return {
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (pathname !== '/health' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const up = await databaseAnswers(database);
      const body = JSON.stringify({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', storage: database.kind });
      res.statusCode = up ? 200 : 503;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}

async function databaseAnswers(database: Pick<Database, 'pool'>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), healthTimeoutMs);
  });
  try {
    return await Promise.race([checkDatabase(database).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
