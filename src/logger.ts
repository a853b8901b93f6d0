import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogLevel } from './config.js';

/** The service's structured logger (pino): one JSON object per line on stdout. */
export type { Logger } from 'pino';

/**
 * The logger of the request being served (a child carrying its `requestId`), for code that runs inside a
 * request but is built once for the server, like formatError: `requestLogger() ?? logger`.
 */
const requestScope = new AsyncLocalStorage<Logger>();

/** Runs `handle` with `logger` as the current request's logger (see {@link requestLogger}). */
export function runWithRequestLogger<T>(logger: Logger, handle: () => T): T {
  return requestScope.run(logger, handle);
}

/** The current request's logger, or undefined outside a request. */
export function requestLogger(): Logger | undefined {
  return requestScope.getStore();
}

/**
 * Where log lines go by default: readable, coloured lines when stdout is a terminal (a person watching
 * `npm start`), JSON lines otherwise (a container, a file, a log shipper). Synchronous either way: lines
 * logged just before `process.exit` (shutdown, start-up failures) must not be lost in a buffer.
 */
export function createLogDestination(terminal: boolean = process.stdout.isTTY === true): pino.DestinationStream {
  if (!terminal) return pino.destination({ dest: 1, sync: true });
  return PinoPretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
}

/** Creates the logger at the configured level. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'iam-playground' } };
  return pino(options, destination ?? createLogDestination());
}
