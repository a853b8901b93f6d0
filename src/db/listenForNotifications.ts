import pg from 'pg';

/** Options of {@link listenForNotifications}. */
export interface NotificationListenerOptions {
  connectionString: string;
  /** The channel to LISTEN on (a plain identifier). */
  channel: string;
  /** Called with each notification's payload. */
  onNotification(payload: string): void;
  /** Called after every reconnection: notifications sent while disconnected are lost, so catch up here. */
  onReconnect?(): void;
  /** The first and the longest wait between reconnection attempts (default 250 ms and 10 s). */
  retryMs?: { first: number; max: number };
}

/**
 * LISTENs on a channel over a dedicated connection and keeps listening: when the connection drops (a
 * Postgres restart, a failover, an idle timeout) it reconnects with exponential backoff and calls
 * `onReconnect`. The first connection must succeed (its error is thrown); returns a function that stops.
 */
export async function listenForNotifications(options: NotificationListenerOptions): Promise<() => Promise<void>> {
  const retry = options.retryMs ?? { first: 250, max: 10_000 };
  let stopped = false;
  let current: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let delay = retry.first;

  const connect = async (isReconnect: boolean) => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('error', () => undefined);
    client.on('notification', (message) => options.onNotification(message.payload ?? ''));
    client.on('end', () => {
      if (current !== client) return;
      current = null;
      scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    delay = retry.first;
    if (isReconnect) options.onReconnect?.();
  };

  const scheduleReconnect = () => {
    if (stopped) return;
    timer = setTimeout(() => void connect(true).catch(scheduleReconnect), delay);
    timer.unref();
    delay = Math.min(delay * 2, retry.max);
  };

  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
