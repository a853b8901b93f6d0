import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** The service's structured logger (pino): one JSON object per line on stdout. */
export type { Logger } from 'pino';

/**
 * Creates the logger at the configured level. Writes to stdout synchronously by default: a line per
 * request is cheap, and lines logged just before `process.exit` (shutdown, start-up failures) must not be
 * lost in a buffer.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'iam-playground' } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
