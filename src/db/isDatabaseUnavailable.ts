/** Node socket errors that mean the database server cannot be reached or went away. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Prisma's codes for an unreachable or overloaded database: can't reach (P1001), timed out (P1002), server
 * closed the connection (P1017), no connection from the pool in time (P2024), a transaction that could not
 * start in time (P2028, "Unable to start a transaction in the given time").
 */
const prismaCodes = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);

/** Prisma's driver adapter error kinds for the same. */
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** Postgres SQLSTATEs: connection exceptions (08…), shutting down / cannot connect now (57P01–57P03), too many connections. */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** pg's messages for a connection lost or never made (it gives them no code). */
const unavailableMessage =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|Can't reach database server/i;

/**
 * Whether an error (or any error it wraps: `cause`, `originalError`, Prisma's driver adapter error) says the
 * database is out of reach or too busy right now — an outage or contention, not a bug — so the request is
 * answered 503 ServiceUnavailable with Retry-After instead of an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
      cause?: unknown;
      originalError?: unknown;
    };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (socketCodes.has(code) || prismaCodes.has(code) || isUnavailableSqlState(code)) return true;
    if (typeof candidate.kind === 'string' && adapterKinds.has(candidate.kind)) return true;
    if (typeof candidate.originalCode === 'string' && isUnavailableSqlState(candidate.originalCode)) return true;
    if (typeof candidate.message === 'string' && unavailableMessage.test(candidate.message)) return true;
    current = candidate.meta?.driverAdapterError?.cause ?? candidate.cause ?? candidate.originalError;
  }
  return false;
}
