import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../../src/features/audit/recordAuditEvent.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

let database: TestDatabase;
let auditInserts = 0;

beforeAll(async () => {
  database = await createTestDatabase({
    onQuery: (sql) => void (/^INSERT INTO ("public"\.)?"audit_event"/.test(sql) && auditInserts++),
  });
});
afterAll(async () => {
  await database.close();
});

describe('audit rows of concurrent requests', () => {
  it('go out in one INSERT per turn of the event loop, each caller resuming once its row is stored', async () => {
    // Given three requests recording their events in the same turn
    auditInserts = 0;
    const names = ['First', 'Second', 'Third'];
    await Promise.all(
      names.map((eventName) =>
        recordAuditEvent(database.prisma, null, { eventName, decision: 'Allow', accountId: '175000000001' }).then(
          async () =>
            // Then when each one resumes, its row is already stored
            expect(await database.prisma.auditEvent.count({ where: { eventName } })).toBe(1),
        ),
      ),
    );

    // And the three rows went out in one statement
    expect(auditInserts).toBe(1);

    // While a later event is a statement of its own
    await recordAuditEvent(database.prisma, null, { eventName: 'Fourth', decision: 'Deny' });
    expect(auditInserts).toBe(2);
  });
});
