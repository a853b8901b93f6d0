import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** The service's structured logger (pino): one JSON object per line on stdout. */
export type { Logger } from 'pino';

/**
 * Creates the logger at the configured level. Writes to stdout through pino's asynchronous destination
 * (SonicBoom, `sync: false`): a request never waits for its log line to reach a slow pipe or terminal, and
 * lines written while a write is in flight go out together. Nothing is lost at exit: pino flushes an
 * asynchronous destination synchronously on `exit` (and on `beforeExit`), so lines logged just before
 * `process.exit` (shutdown, start-up failures) still appear.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'iam-playground' } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
