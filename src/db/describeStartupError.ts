import { ConfigError } from '../config.js';
import { DataDirectoryLockedError } from './lockDataDirectory.js';
import { MigrationError } from './migrate.js';

/**
 * One clear line (or a short list for configuration) for an error that stops the service from starting,
 * without a stack trace: bad configuration, a database that cannot be reached or refuses us, a failed
 * migration, a port already in use. Anything else falls back to its message.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DataDirectoryLockedError)
    return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EADDRINUSE':
      return `cannot listen: the address is already in use (${message}); set PORT to a free port`;
    case 'EACCES':
      return `cannot listen: permission denied (${message}); choose a PORT above 1023`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `cannot reach the database named by DATABASE_URL (${code}): is Postgres running there?`;
    case '3D000':
      return `the database named by DATABASE_URL does not exist: ${message}`;
    case '28P01':
    case '28000':
      return `the database refused the credentials in DATABASE_URL: ${message}`;
    default:
      if (/timeout/i.test(message)) return `cannot reach the database named by DATABASE_URL: ${message}`;
      return `failed to start: ${message}`;
  }
}
