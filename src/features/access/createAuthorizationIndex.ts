import pg from 'pg';
import {
  createAssumeRoleGraph,
  createModelState,
  type AnalysisRole,
  type AssumeRoleGraph,
  type AuthorizationModel,
} from '../../iam/analysis/index.js';
import { listenForNotifications } from '../../db/listenForNotifications.js';
import { loadAccountSlices } from './loadAccountSlices.js';
import { loadOrganizationRows } from './loadOrganizationRows.js';
import { AUTHORIZATION_VERSION_SQL } from '../cache/RequestVersion.js';
import { AUTHORIZATION_CHANNEL, type AuthorizationScope } from './notifyAuthorizationChanged.js';

/** Roles whose inbound hops are decided per event-loop turn while warming, so requests interleave. */
const WARM_SLICE = 50;

/** The model at one authorization version, with its lazily decided assume-role graph. */
export interface IndexSnapshot {
  version: number;
  model: AuthorizationModel;
  graph: AssumeRoleGraph;
}

/** How the last refresh went, for the benchmark and logs. */
export interface RebuildInfo {
  kind: 'full' | 'incremental';
  /** Accounts whose slices were reloaded (all, for a full rebuild). */
  accounts: number;
  milliseconds: number;
  version: number;
}

/** The in-memory authorization index of one process. */
export interface AuthorizationIndex {
  /**
   * The model as of the latest committed write: one `SELECT` of the version row, plus a refresh when behind.
   * Pass the request's version (`context.authorizationVersion`) to share its one check instead.
   */
  current(version?: number): Promise<IndexSnapshot>;
  /** Refreshes now (a full rebuild with `{ full: true }`), returning what it did. */
  refresh(options?: { full?: boolean }): Promise<RebuildInfo>;
  /** The last refresh, or null before the first. */
  lastRebuild(): RebuildInfo | null;
  /**
   * Resolves when the current snapshot's assume-role graph is fully decided. After every refresh the index
   * decides it in the background, a slice of roles per event-loop turn, so path queries stop paying for it.
   */
  graphWarmed(): Promise<void>;
  /**
   * LISTENs for changes on another connection and refreshes ahead of the next reader; also polls the version
   * every `pollMs` (default 5 s), since embedded PGlite does not deliver NOTIFY across its socket and a
   * dropped connection loses notifications. Returns a stop function. Readers stay exact without it.
   * `onVersion` hears every version announced or polled (the version-keyed caches free stale entries on it).
   */
  listen(
    connectionString: string,
    options?: { pollMs?: number; onVersion?: (version: number) => void },
  ): Promise<() => Promise<void>>;
}

/**
 * Creates the authorization index over a pg pool. Readers call `current()`, which compares the version row with
 * the index's version and, when behind, refreshes inside one REPEATABLE READ transaction: the version and every
 * row are read from the same snapshot, so the model is exactly the state at that version. A refresh re-reads
 * the (small) organization rows and only the accounts named in the change log since the index's version;
 * a gap in the log, an `all` scope or the first load rebuild everything. Refreshes are single-flight.
 */
export function createAuthorizationIndex(pool: pg.Pool): AuthorizationIndex {
  let snapshot: IndexSnapshot | null = null;
  const state = createModelState();
  let inFlight: Promise<RebuildInfo> | null = null;
  let last: RebuildInfo | null = null;
  let warming: Promise<void> = Promise.resolve();

  /** Decides the inbound hops of `roles` (default: every role) in the background, a slice per event-loop turn. */
  const warm = async (
    target: IndexSnapshot,
    roles: readonly AnalysisRole[] = [...target.model.roles.values()],
  ): Promise<void> => {
    for (let i = 0; i < roles.length && snapshot === target; i += WARM_SLICE) {
      await new Promise((resolve) => setImmediate(resolve));
      for (const role of roles.slice(i, i + WARM_SLICE)) target.graph.inbound(role);
    }
  };

  const rebuild = async (forceFull: boolean): Promise<RebuildInfo> => {
    const started = performance.now();
    const client = await pool.connect();
    let info: RebuildInfo;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const version = Number(
        (await client.query<{ version: string }>(AUTHORIZATION_VERSION_SQL)).rows[0]?.version ?? 0,
      );
      const changes = !forceFull && snapshot !== null ? await readChanges(client, snapshot.version, version) : null;
      if (changes !== null && snapshot !== null && changes.accounts.size === 0 && !changes.organization) {
        // Only credentials changed (or nothing): the model at the new version is the same model.
        await client.query('COMMIT');
        snapshot = { ...snapshot, version };
        last = { kind: 'incremental', accounts: 0, milliseconds: performance.now() - started, version };
        return last;
      }
      const accounts = changes?.accounts ?? null;
      const organizations = await loadOrganizationRows(client);
      if (accounts !== null) {
        // Accounts new to the organization rows have no slice yet: load them too.
        const loaded = state.model?.slices ?? new Map();
        for (const { id } of organizations.accounts) if (!loaded.has(id)) accounts.add(id);
      }
      const rows =
        accounts === null || accounts.size > 0
          ? await loadAccountSlices(client, accounts === null ? null : [...accounts])
          : [];
      await client.query('COMMIT');
      const previous = snapshot;
      const { model, organizationsChanged } =
        accounts === null ? state.rebuild(organizations, rows) : state.apply(organizations, rows);
      // Path decisions carry over when only some accounts' IAM data changed, not the organizations above them.
      const carry =
        accounts !== null && previous !== null && !organizationsChanged
          ? { previous: previous.graph, changedAccounts: accounts }
          : undefined;
      snapshot = { version, model, graph: createAssumeRoleGraph(model, carry) };
      // After a patch only the changed accounts' roles are decided ahead; the others' carried hops are reused on demand.
      warming = warm(
        snapshot,
        carry === undefined ? undefined : [...accounts!].flatMap((id) => model.slices.get(id)?.roles ?? []),
      );
      info = {
        kind: accounts === null ? 'full' : 'incremental',
        accounts: accounts?.size ?? model.slices.size,
        milliseconds: performance.now() - started,
        version,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    last = info;
    return info;
  };

  const refresh = (full = false): Promise<RebuildInfo> => {
    if (inFlight === null) inFlight = rebuild(full).finally(() => (inFlight = null));
    return inFlight;
  };

  return {
    async current(known) {
      const version =
        known ?? Number((await pool.query<{ version: string }>(AUTHORIZATION_VERSION_SQL)).rows[0]?.version ?? 0);
      while (snapshot === null || snapshot.version < version) await refresh();
      return snapshot;
    },
    refresh: (options) => refresh(options?.full ?? false),
    lastRebuild: () => last,
    graphWarmed: () => warming,
    async listen(connectionString, options = {}) {
      const refreshIfBehind = (version: number) => {
        options.onVersion?.(version);
        if (snapshot !== null && version > snapshot.version) refresh().catch(() => undefined);
      };
      const poll = () => {
        pool
          .query<{ version: string }>(AUTHORIZATION_VERSION_SQL)
          .then(({ rows }) => refreshIfBehind(Number(rows[0]?.version ?? 0)))
          .catch(() => undefined);
      };
      // Reconnects after a Postgres restart, and catches up on what it missed while away.
      const stopListening = await listenForNotifications({
        connectionString,
        channel: AUTHORIZATION_CHANNEL,
        onNotification: (payload) => refreshIfBehind(Number(payload)),
        onReconnect: poll,
      });
      const timer = setInterval(poll, options.pollMs ?? 5000);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await stopListening();
      };
    },
  };
}

/**
 * What changed since `from`: the accounts to reload and whether the organizations changed; null when only a
 * full rebuild is safe (a gap in the log, an `all` scope).
 */
async function readChanges(
  client: pg.PoolClient,
  from: number,
  to: number,
): Promise<{ accounts: Set<string>; organization: boolean } | null> {
  if (to <= from) return { accounts: new Set(), organization: false };
  const { rows } = await client.query<{ scope: AuthorizationScope }>(
    'SELECT scope FROM authorization_change WHERE version > $1 AND version <= $2 ORDER BY version',
    [from, to],
  );
  if (rows.length !== to - from) return null;
  const accounts = new Set<string>();
  let organization = false;
  for (const { scope } of rows) {
    if (scope.kind === 'all') return null;
    if (scope.kind === 'accounts') for (const id of scope.accountIds) accounts.add(id);
    if (scope.kind === 'organization') organization = true;
  }
  return { accounts, organization };
}
