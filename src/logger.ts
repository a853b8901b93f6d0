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
  if (destination === undefined || destination.destroyed || typeof destination.end !== 'function' || typeof destination.once !== 'function') return;
  await new Promise<void>((resolve) => {
    destination.once!('close', resolve);
    destination.end!();
  });
}
