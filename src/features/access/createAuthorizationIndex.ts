import pg from 'pg';
import {
  assembleAuthorizationModel,
  buildAnalysisAccounts,
  compileAccountSlice,
  createAssumeRoleGraph,
  type AccountSlice,
  type AssumeRoleGraph,
  type AuthorizationModel,
} from '../../iam/analysis/index.js';
import { listenForNotifications } from '../../db/listenForNotifications.js';
import { loadAccountSlices } from './loadAccountSlices.js';
import { loadOrganizationRows } from './loadOrganizationRows.js';
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
  /** The model as of the latest committed write: one `SELECT` of the version row, plus a refresh when behind. */
  current(): Promise<IndexSnapshot>;
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
   */
  listen(connectionString: string, options?: { pollMs?: number }): Promise<() => Promise<void>>;
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
  let slices = new Map<string, AccountSlice>();
  let organizationsKey = '';
  let inFlight: Promise<RebuildInfo> | null = null;
  let last: RebuildInfo | null = null;
  let warming: Promise<void> = Promise.resolve();

  const warm = async (target: IndexSnapshot): Promise<void> => {
    const roles = [...target.model.roles.values()];
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
      const version = Number((await client.query<{ version: string }>('SELECT version FROM authorization_version WHERE id = 1')).rows[0]?.version ?? 0);
      let accounts: Set<string> | null = null;
      if (!forceFull && snapshot !== null) accounts = await changedAccounts(client, snapshot.version, version);
      const organizations = await loadOrganizationRows(client);
      const next = accounts === null ? new Map<string, AccountSlice>() : new Map(slices);
      if (accounts !== null) {
        const known = new Set(organizations.accounts.map((account) => account.id));
        for (const id of known) if (!next.has(id)) accounts.add(id);
        for (const id of next.keys()) if (!known.has(id)) next.delete(id);
      }
      if (accounts === null || accounts.size > 0) {
        for (const raw of await loadAccountSlices(client, accounts === null ? null : [...accounts])) next.set(raw.accountId, compileAccountSlice(raw));
      }
      await client.query('COMMIT');
      const invalid: string[] = [];
      const model = assembleAuthorizationModel(buildAnalysisAccounts(organizations, invalid), next.values(), invalid);
      // Path decisions carry over when only some accounts' IAM data changed, not the organizations above them.
      const key = JSON.stringify(organizations);
      const carry = accounts !== null && snapshot !== null && key === organizationsKey ? { previous: snapshot.graph, changedAccounts: accounts } : undefined;
      organizationsKey = key;
      slices = next;
      snapshot = { version, model, graph: createAssumeRoleGraph(model, carry) };
      warming = warm(snapshot);
      info = { kind: accounts === null ? 'full' : 'incremental', accounts: accounts?.size ?? next.size, milliseconds: performance.now() - started, version };
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
    async current() {
      const { rows } = await pool.query<{ version: string }>('SELECT version FROM authorization_version WHERE id = 1');
      const version = Number(rows[0]?.version ?? 0);
      while (snapshot === null || snapshot.version < version) await refresh();
      return snapshot;
    },
    refresh: (options) => refresh(options?.full ?? false),
    lastRebuild: () => last,
    graphWarmed: () => warming,
    async listen(connectionString, options = {}) {
      const refreshIfBehind = (version: number) => {
        if (snapshot !== null && version > snapshot.version) refresh().catch(() => undefined);
      };
      const poll = () => {
        pool
          .query<{ version: string }>('SELECT version FROM authorization_version WHERE id = 1')
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

/** The accounts to reload since `from`, or null when only a full rebuild is safe (log gap, `all`). */
async function changedAccounts(client: pg.PoolClient, from: number, to: number): Promise<Set<string> | null> {
  if (to <= from) return new Set();
  const { rows } = await client.query<{ scope: AuthorizationScope }>(
    'SELECT scope FROM authorization_change WHERE version > $1 AND version <= $2 ORDER BY version',
    [from, to],
  );
  if (rows.length !== to - from) return null;
  const accounts = new Set<string>();
  for (const { scope } of rows) {
    if (scope.kind === 'all') return null;
    if (scope.kind === 'accounts') for (const id of scope.accountIds) accounts.add(id);
  }
  return accounts;
}
