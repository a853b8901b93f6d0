import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { createTurnBatcher } from '../../db/createTurnBatcher.js';

/** One audit row as written. */
export type AuditRow = Prisma.AuditEventCreateManyInput;

/**
 * Writes audit rows, batched across requests (see createTurnBatcher): the rows of every request answering in the
 * same turn of the event loop go out in one INSERT, and each caller resumes once it has committed — so a request
 * that awaits it answers only once its rows are stored, while concurrent requests share one statement and one
 * commit (each commit of audit rows also NOTIFYs subscribers, which Postgres serialises).
 */
export const writeAuditRows: (prisma: PrismaClient, rows: readonly AuditRow[]) => Promise<void> =
  createTurnBatcher(insertAuditRows);

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
