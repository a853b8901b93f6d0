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
          prisma.auditEvent.createMany({ data: created.rows }).then(() => resolve(), reject);
        });
      }),
    };
    batch = created;
    pendingByClient.set(prisma, batch);
  }
  batch.rows.push(...rows);
  return batch.written;
}
