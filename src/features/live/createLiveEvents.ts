import pg from 'pg';
import type { Database } from '../../db/openDatabase.js';
import type { Logger } from '../../logger.js';

/** The NOTIFY channels of the live-events migration, and what their payload names. */
export const liveChannels = { audit: 'iam_audit_event', sessionIssued: 'iam_session_issued' } as const;

/** A live channel. */
export type LiveChannel = keyof typeof liveChannels;

/** Announcements of new audit events and sessions, from any process on the same database. */
export interface LiveEvents {
  /**
   * Calls `listener` with the id of each new row on the channel until the returned function is called;
   * resolves once events are being received (the LISTEN is in place, or the poll knows where tables end).
   */
  subscribe(channel: LiveChannel, listener: (id: string) => void): Promise<() => void>;
  /** Stops listening (the server's shutdown). */
  close(): Promise<void>;
}

/** How often the embedded database is polled (it serves one connection, so it cannot hold a LISTEN). */
export const embeddedPollMs = 200;

/**
 * Live events over the database: on Postgres one dedicated connection LISTENs to the channels the
 * live-events triggers NOTIFY on (so writes by other processes arrive too); on the embedded PGlite, which
 * holds a single connection and serves a single process, new rows are polled for. Either way the
 * connection or the poll exists only while someone subscribes.
 */
export function createLiveEvents(database: Database, logger: Logger): LiveEvents {
  const listeners = new Map<LiveChannel, Set<(id: string) => void>>([
    ['audit', new Set()],
    ['sessionIssued', new Set()],
  ]);
  const emit = (channel: LiveChannel, id: string): void => {
    for (const listener of listeners.get(channel) ?? []) listener(id);
  };
  const source =
    database.kind === 'postgres' ? listenToPostgres(database.url, emit, logger) : pollEmbedded(database, emit, logger);
  const count = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return {
    async subscribe(channel, listener) {
      listeners.get(channel)!.add(listener);
      await source.start();
      return () => {
        listeners.get(channel)!.delete(listener);
        if (count() === 0) void source.stop();
      };
    },
    close: () => source.stop(),
  };
}

interface Source {
  /** Starts receiving (once), resolving when events flow. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function listenToPostgres(url: string, emit: (channel: LiveChannel, id: string) => void, logger: Logger): Source {
  let client: pg.Client | null = null;
  let listening: Promise<void> = Promise.resolve();
  const byName = new Map<string, LiveChannel>(
    Object.entries(liveChannels).map(([channel, name]) => [name, channel as LiveChannel]),
  );
  return {
    start() {
      if (client !== null) return listening;
      const connecting = new pg.Client({ connectionString: url });
      client = connecting;
      connecting.on('notification', (message) => {
        const channel = byName.get(message.channel);
        if (channel !== undefined && message.payload) emit(channel, message.payload);
      });
      connecting.on('error', (error) => logger.warn({ err: error }, 'live events connection failed'));
      listening = connecting
        .connect()
        .then(() =>
          connecting.query(
            Object.values(liveChannels)
              .map((name) => `LISTEN ${name}`)
              .join('; '),
          ),
        )
        .then(() => undefined)
        .catch((error: unknown) => logger.warn({ err: error }, 'live events could not listen'));
      return listening;
    },
    async stop() {
      const closing = client;
      client = null;
      await closing?.end().catch(() => undefined);
    },
  };
}

function pollEmbedded(database: Database, emit: (channel: LiveChannel, id: string) => void, logger: Logger): Source {
  let timer: NodeJS.Timeout | null = null;
  let lastAudit: bigint | null = null;
  let lastSession: Date | null = null;
  const poll = async (): Promise<void> => {
    const [audit, sessions] = await Promise.all([
      database.prisma.auditEvent.findMany({
        where: lastAudit === null ? {} : { id: { gt: lastAudit } },
        select: { id: true },
        orderBy: { id: 'asc' },
        ...(lastAudit === null ? { take: -1 } : {}),
      }),
      database.prisma.session.findMany({
        where: lastSession === null ? {} : { issuedAt: { gt: lastSession } },
        select: { id: true, issuedAt: true },
        orderBy: { issuedAt: 'asc' },
        ...(lastSession === null ? { take: -1 } : {}),
      }),
    ]);
    // The first poll only finds where the tables end: subscribers hear of what happens after they came.
    const first = lastAudit === null;
    lastAudit = audit.at(-1)?.id ?? lastAudit ?? 0n;
    lastSession = sessions.at(-1)?.issuedAt ?? lastSession ?? new Date(0);
    if (first) return;
    for (const row of audit) emit('audit', row.id.toString());
    for (const row of sessions) emit('sessionIssued', row.id);
  };
  let started: Promise<void> | null = null;
  const loop = (): void => {
    // Stopped (no subscriber left) while a poll was running: do not start again.
    if (started === null) return;
    timer = setTimeout(() => {
      poll()
        .catch((error: unknown) => logger.warn({ err: error }, 'live events poll failed'))
        .finally(() => {
          if (timer !== null) loop();
        });
    }, embeddedPollMs);
  };
  return {
    start() {
      if (started !== null) return started;
      lastAudit = null;
      lastSession = null;
      started = poll()
        .catch((error: unknown) => logger.warn({ err: error }, 'live events poll failed'))
        .finally(loop);
      return started;
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      started = null;
    },
  };
}
