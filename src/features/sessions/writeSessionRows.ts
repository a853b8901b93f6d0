import type { PrismaClient } from '../../generated/prisma/client.js';
import { createTurnBatcher } from '../../db/createTurnBatcher.js';

/** One issued session as stored (see the `session` table; secrets already encrypted, the token hashed). */
export interface SessionRow {
  id: string;
  accountId: string;
  roleId: string | null;
  userId: string | null;
  parentSessionId: string | null;
  sessionName: string | null;
  arn: string;
  assumedRoleId: string | null;
  callerArn: string;
  secretEncrypted: string;
  tokenHash: string;
  sourceIdentity: string | null;
  tags: { key: string; value: string }[];
  transitiveTagKeys: string[];
  sessionPolicy: string | null;
  policyArns: string[];
  mfaAuthenticated: boolean;
  mfaAuthenticatedAt: Date | null;
  chained: boolean;
  federatedProvider: string | null;
  servicePrincipal: string | null;
  serviceSourceArn: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

/** The columns, each with the type its array is passed as, and how a row gives it. */
const COLUMNS: [string, string, (row: SessionRow) => unknown][] = [
  ['id', 'text', (row) => row.id],
  ['account_id', 'text', (row) => row.accountId],
  ['role_id', 'text', (row) => row.roleId],
  ['user_id', 'text', (row) => row.userId],
  ['parent_session_id', 'text', (row) => row.parentSessionId],
  ['session_name', 'text', (row) => row.sessionName],
  ['arn', 'text', (row) => row.arn],
  ['assumed_role_id', 'text', (row) => row.assumedRoleId],
  ['caller_arn', 'text', (row) => row.callerArn],
  ['secret_encrypted', 'text', (row) => row.secretEncrypted],
  ['token_hash', 'text', (row) => row.tokenHash],
  ['source_identity', 'text', (row) => row.sourceIdentity],
  ['tags', 'jsonb', (row) => JSON.stringify(row.tags)],
  // Arrays of arrays do not unnest row by row: the two list columns travel as JSON arrays.
  ['transitive_tag_keys', 'jsonb', (row) => JSON.stringify(row.transitiveTagKeys)],
  ['session_policy', 'text', (row) => row.sessionPolicy],
  ['policy_arns', 'jsonb', (row) => JSON.stringify(row.policyArns)],
  ['mfa_authenticated', 'boolean', (row) => row.mfaAuthenticated],
  ['mfa_authenticated_at', 'timestamptz', (row) => row.mfaAuthenticatedAt],
  ['chained', 'boolean', (row) => row.chained],
  ['federated_provider', 'text', (row) => row.federatedProvider],
  ['service_principal', 'text', (row) => row.servicePrincipal],
  ['service_source_arn', 'text', (row) => row.serviceSourceArn],
  ['issued_at', 'timestamptz', (row) => row.issuedAt],
  ['expires_at', 'timestamptz', (row) => row.expiresAt],
];

const LIST_COLUMNS = new Set(['transitive_tag_keys', 'policy_arns']);

/** One INSERT of any number of rows, one array parameter per column: the same text whatever the batch. */
const INSERT_SQL = `INSERT INTO "session" (${COLUMNS.map(([name]) => `"${name}"`).join(', ')}) SELECT ${COLUMNS.map(
  ([name]) => (LIST_COLUMNS.has(name) ? `ARRAY(SELECT jsonb_array_elements_text(t."${name}"))` : `t."${name}"`),
).join(', ')} FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${COLUMNS.map(
  ([name]) => `"${name}"`,
).join(', ')})`;

async function insertSessionRows(prisma: PrismaClient, rows: readonly SessionRow[]): Promise<void> {
  await prisma.$executeRawUnsafe(INSERT_SQL, ...COLUMNS.map(([, , read]) => rows.map(read)));
}

/**
 * Stores issued sessions, batched across requests like the audit trail (see createTurnBatcher): the sessions of
 * every request answering in one turn of the event loop go out in one INSERT and one commit (each commit of a
 * session NOTIFYs subscribers, which Postgres serialises), and each caller resumes once its row is committed —
 * so credentials are never handed out before they work.
 */
export const writeSessionRows: (prisma: PrismaClient, rows: readonly SessionRow[]) => Promise<void> =
  createTurnBatcher(insertSessionRows);
