import type { Database } from '../db/openDatabase.js';
import { checkDatabase } from '../db/openDatabase.js';
import type { Route } from './Route.js';

/** How long `/health` waits for the database before calling it down. */
export const healthTimeoutMs = 2000;

const healthPaths = new Set(['/health', '/health/ready', '/health/live']);

/**
 * `GET /health/live`: 200 while the process serves (for a liveness probe: restart when it stops answering).
 * `GET /health/ready` and `GET /health`: liveness plus whether the database answers (for readiness and load
 * balancers: route no traffic here while it is down): 200 `{ status: "ok", database: "up" }`, or 503
 * `{ status: "degraded", database: "down" }` when a trivial query fails or takes over two seconds.
 */
export function createHealthRoute(database: Pick<Database, 'pool' | 'kind'>): Route {
  return {
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!healthPaths.has(pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      // Liveness does not ask the database: restarting the process would not bring a lost database back.
      const live = pathname === '/health/live';
      const up = live || (await databaseAnswers(database));
      const body = JSON.stringify(
        live
          ? { status: 'ok' }
          : { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', storage: database.kind },
      );
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
