import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

/** One audit row as written. */
export type AuditRow = Prisma.AuditEventCreateManyInput;

interface Batch {
  rows: AuditRow[];
  written: Promise<void>;
}

const pendingByClient = new WeakMap<PrismaClient, Batch>();

/**
 * Writes audit rows, batched across requests: every row handed in during one turn of the event loop goes out
 * in one INSERT (sent when the loop next checks, after the I/O it is serving), and each caller's promise settles
 * when that INSERT has committed — so a request that awaits it answers only once its rows are stored, as before,
 * while concurrent requests share the statement. A failed INSERT rejects every caller of the batch, which then
 * fails as it would have alone. Batches are per Prisma client (per database), held only while pending.
 */
export function writeAuditRows(prisma: PrismaClient, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  let batch = pendingByClient.get(prisma);
  if (batch === undefined) {
    const created: Batch = {
      rows: [],
      written: new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          pendingByClient.delete(prisma);
          insertAuditRows(prisma, created.rows).then(() => resolve(), reject);
        });
      }),
    };
    batch = created;
    pendingByClient.set(prisma, batch);
  }
  batch.rows.push(...rows);
  return batch.written;
}

/** The audit_event columns written, each with the SQL type its array is passed as. */
const COLUMNS = [
  ['event_time', 'timestamptz'],
  ['event_name', 'text'],
  ['account_id', 'text'],
  ['principal_arn', 'text'],
  ['access_key_id', 'text'],
  ['session_id', 'text'],
  ['source_identity', 'text'],
  ['action', 'text'],
  ['resource_arn', 'text'],
  ['decision', 'text'],
  ['error_code', 'text'],
  ['error_message', 'text'],
  ['source_ip', 'text'],
  ['detail', 'jsonb'],
] as const;

/**
 * One INSERT of every row, one array parameter per column (`unnest`): the statement's text is the same for any
 * number of rows, so neither Prisma nor Postgres plans it anew per batch (a `createMany` is compiled per call).
 */
const INSERT_SQL = `INSERT INTO "audit_event" (${COLUMNS.map(([name]) => `"${name}"`).join(', ')}) SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

async function insertAuditRows(prisma: PrismaClient, rows: readonly AuditRow[]): Promise<void> {
  const now = new Date();
  const column = <T>(read: (row: AuditRow) => T) => rows.map(read);
  await prisma.$executeRawUnsafe(
    INSERT_SQL,
    column((row) => (row.eventTime === undefined ? now : new Date(row.eventTime))),
    column((row) => row.eventName),
    column((row) => row.accountId ?? null),
    column((row) => row.principalArn ?? null),
    column((row) => row.accessKeyId ?? null),
    column((row) => row.sessionId ?? null),
    column((row) => row.sourceIdentity ?? null),
    column((row) => row.action ?? null),
    column((row) => row.resourceArn ?? null),
    column((row) => row.decision),
    column((row) => row.errorCode ?? null),
    column((row) => row.errorMessage ?? null),
    column((row) => row.sourceIp ?? null),
    column((row) => JSON.stringify(row.detail ?? {})),
  );
}
