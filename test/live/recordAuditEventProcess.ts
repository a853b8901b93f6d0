// Run as its own process by subscriptions.test.ts: writes one audit event through the project's own writer
// into the database named on the command line, so the test sees an event arrive from another process.
import { openDatabase } from '../../src/db/openDatabase.js';
import { recordAuditEvent } from '../../src/features/audit/recordAuditEvent.js';

const [url, accountId, eventName] = process.argv.slice(2);
if (!url || !accountId || !eventName)
  throw new Error('usage: recordAuditEventProcess.ts DATABASE_URL ACCOUNT_ID EVENT_NAME');
const database = await openDatabase({ url });
await recordAuditEvent(database.prisma, null, { eventName, decision: 'Allow', accountId, action: `test:${eventName}` });
await database.close();
