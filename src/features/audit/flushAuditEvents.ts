import type { Context } from '../../context.js';
import { toAuditRow } from './recordAuditEvent.js';
import { writeAuditRows } from './writeAuditRows.js';

/**
 * Writes the authorization decisions a request made after it executed (one row per distinct decision), in one
 * INSERT shared with the other requests answering in the same turn of the event loop (see writeAuditRows). Called once per request by the server; clears the buffer so a second call writes nothing.
 */
export async function flushAuditEvents(context: Context): Promise<void> {
  const events = context.authorization.pendingAudit.splice(0);
  if (events.length === 0) return;
  await writeAuditRows(
    context.database.prisma,
    events.map((event) => toAuditRow(context.caller, event)),
  );
}
