import type { Prisma } from '../../generated/prisma/client.js';

/** A column of a bulk insert: its SQL name and type; `now` fills a null with the transaction's time. */
export interface InsertColumn {
  name: string;
  type: 'text' | 'int' | 'boolean' | 'timestamptz' | 'jsonb' | '"PrincipalKind"' | '"OrganizationPolicyType"';
  now?: boolean;
}

/** Rows per statement: each column travels as one array parameter, so this bounds memory, not parameters. */
const CHUNK = 5000;

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest($1::type[], …)` per 5,000 rows, inside the caller's
 * transaction: one parameter per column instead of one per value, which keeps a 300,000-row import to a few
 * dozen statements. Values are passed as text or numbers (dates as ISO strings) and cast by Postgres.
 * `onChunk` reports progress.
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly InsertColumn[],
  rows: readonly (readonly unknown[])[],
  onChunk?: (count: number) => void,
): Promise<void> {
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const select = columns.map((c, i) => (c.now ? `COALESCE(c${i}, CURRENT_TIMESTAMP)` : `c${i}`)).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await tx.$executeRawUnsafe(
      sql,
      ...columns.map((c, i) =>
        chunk.map((row) => {
          const value = row[i];
          return value instanceof Date ? value.toISOString() : (value ?? null);
        }),
      ),
    );
    onChunk?.(chunk.length);
  }
}
