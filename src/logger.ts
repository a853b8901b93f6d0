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
 * `npm start`), JSON lines otherwise (a container, a file, a log shipper). The JSON lines go through pino's
 * asynchronous destination (SonicBoom, `sync: false`): a request never waits for its log line to reach a slow
 * pipe, and lines written while a write is in flight go out together. Nothing is lost at exit: pino flushes an
 * asynchronous destination synchronously on `exit`, and {@link closeLogger} waits for a write in flight. The
 * terminal stays synchronous: a person reading it wants each line as it happens, and it is not the load path.
 */
export function createLogDestination(terminal: boolean = process.stdout.isTTY === true): pino.DestinationStream {
  if (!terminal) return pino.destination({ dest: 1, sync: false });
  return PinoPretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
}

/** Creates the logger at the configured level, writing to {@link createLogDestination} unless told otherwise. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'iam-playground' } };
  return pino(options, destination ?? createLogDestination());
}

/** The part of pino's asynchronous destination (SonicBoom) that ends it. */
interface EndableDestination {
  destroyed?: boolean;
  end?: () => void;
  once?: (event: 'close', listener: () => void) => void;
}

/**
 * Writes every line logged so far, then ends the destination; call right before `process.exit`. Pino's own
 * exit-time flush writes what is buffered synchronously, but a write already handed to the thread pool could
 * then land after it, or not at all — ending the destination waits for that write first.
 */
export async function closeLogger(logger: Logger): Promise<void> {
  const destination = (logger as unknown as Record<symbol, EndableDestination | undefined>)[pino.symbols.streamSym];
  if (
    destination === undefined ||
    destination.destroyed ||
    typeof destination.end !== 'function' ||
    typeof destination.once !== 'function'
  )
    return;
  await new Promise<void>((resolve) => {
    destination.once!('close', resolve);
    destination.end!();
  });
}
