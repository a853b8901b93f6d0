import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationIndex } from '../../src/features/access/createAuthorizationIndex.js';
import { notifyAuthorizationChanged } from '../../src/features/access/notifyAuthorizationChanged.js';
import { createAssumeRoleGraph } from '../../src/iam/analysis/index.js';
import { A, B, crossAccountFixture } from '../../src/iam/analysis/crossAccountFixture.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { writeFixture } from './writeFixture.js';

let database: TestDatabase;
let otherPool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  await writeFixture(database.pool, crossAccountFixture);
  otherPool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await otherPool?.end();
  await database?.close();
});

describe('createAuthorizationIndex', () => {
  it('rebuilds incrementally, only the accounts a write touched', async () => {
    const index = createAuthorizationIndex(database.pool);
    const first = await index.current();
    expect(index.lastRebuild()).toMatchObject({ kind: 'full' });
    expect(first.model.principals.size).toBe(10);
    // When: a role in account B gets a tag
    await database.pool.query(
      `INSERT INTO tag (id, role_id, key, key_lower, value) SELECT 'tag-1', id, 'team', 'team', 'blue' FROM iam_role WHERE arn = $1`,
      [`arn:aws:iam::${B}:role/Hop`],
    );
    const second = await index.current();
    // Then
    expect(index.lastRebuild()).toMatchObject({ kind: 'incremental', accounts: 1 });
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.model.roles.get(`arn:aws:iam::${B}:role/Hop`)!.tags).toEqual({ team: 'blue' });
    // Unchanged accounts keep their compiled principals.
    expect(second.model.principals.get(`arn:aws:iam::${A}:user/alice`)).toBe(
      first.model.principals.get(`arn:aws:iam::${A}:user/alice`),
    );
  });

  it('answers no query from data older than a write committed through another process', async () => {
    const mine = createAuthorizationIndex(database.pool);
    expect((await mine.current()).model.principals.has(`arn:aws:iam::${A}:user/carol`)).toBe(false);
    // Given: another process (its own pool) creates a user and commits
    const client = await otherPool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO iam_user (id, account_id, name, name_key, arn) VALUES ('AIDACAROL000000000001', $1, 'carol', 'carol', $2)`,
        [A, `arn:aws:iam::${A}:user/carol`],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    // Then: the next read sees it
    expect((await mine.current()).model.principals.has(`arn:aws:iam::${A}:user/carol`)).toBe(true);
  });

  it('rebuilds whole for an explicit all-scope change, and a rolled-back write changes nothing', async () => {
    const index = createAuthorizationIndex(database.pool);
    const before = await index.current();
    const inTransaction = async (end: 'COMMIT' | 'ROLLBACK') => {
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        await notifyAuthorizationChanged(client, { kind: 'all' });
        await client.query(end);
      } finally {
        client.release();
      }
    };
    await inTransaction('ROLLBACK');
    expect((await index.current()).version).toBe(before.version);
    await inTransaction('COMMIT');
    expect((await index.current()).version).toBe(before.version + 1);
    expect(index.lastRebuild()).toMatchObject({ kind: 'full' });
  });

  it('refreshes ahead of readers when another process announces a change', async () => {
    const index = createAuthorizationIndex(database.pool);
    const before = await index.current();
    const stop = await index.listen(database.url, { pollMs: 200 });
    try {
      await otherPool.query(`UPDATE iam_role SET description = 'notified' WHERE arn = $1`, [
        `arn:aws:iam::${B}:role/Hop`,
      ]);
      await expect.poll(() => index.lastRebuild()?.version ?? 0, { timeout: 5000 }).toBeGreaterThan(before.version);
    } finally {
      await stop();
    }
  });
});

describe('the assume-role graph after an incremental rebuild', () => {
  it('carries over the hops of unchanged accounts and agrees with a graph decided from scratch', async () => {
    const index = createAuthorizationIndex(database.pool);
    await index.current();
    await index.graphWarmed();
    // When: the hop role in B no longer allows assuming anything, and a new user in A may assume Hop
    await database.pool.query(`DELETE FROM inline_policy WHERE role_id = (SELECT id FROM iam_role WHERE arn = $1)`, [
      `arn:aws:iam::${B}:role/Hop`,
    ]);
    await database.pool.query(
      `INSERT INTO iam_user (id, account_id, name, name_key, arn) VALUES ('AIDAFRANK000000000001', $1, 'frank', 'frank', $2)`,
      [A, `arn:aws:iam::${A}:user/frank`],
    );
    await database.pool.query(
      `INSERT INTO inline_policy (id, principal_kind, user_id, name, name_key, document)
       VALUES ('inl-frank', 'USER', 'AIDAFRANK000000000001', 'hop', 'hop', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}')`,
    );
    const { model, graph } = await index.current();
    expect(index.lastRebuild()).toMatchObject({ kind: 'incremental' });
    // Then
    const fresh = createAssumeRoleGraph(model);
    const callers = (hops: { callerArn: string }[]) => hops.map((hop) => hop.callerArn).sort();
    for (const role of model.roles.values()) expect(callers(graph.inbound(role))).toEqual(callers(fresh.inbound(role)));
    expect(callers(graph.inbound(model.roles.get(`arn:aws:iam::${B}:role/Hop`)!))).toContain(
      `arn:aws:iam::${A}:user/frank`,
    );
  });
});

describe('authorization triggers', () => {
  it('record one change per statement, scoped to the accounts it touched', async () => {
    const version = async () =>
      Number(
        (await database.pool.query<{ version: string }>('SELECT version FROM authorization_version')).rows[0]!.version,
      );
    const before = await version();
    await database.pool.query(`UPDATE iam_user SET path = '/x/' WHERE account_id IN ($1, $2)`, [A, B]);
    expect(await version()).toBe(before + 1);
    const { rows } = await database.pool.query<{ scope: unknown }>(
      'SELECT scope FROM authorization_change WHERE version = $1',
      [before + 1],
    );
    expect(rows[0]!.scope).toEqual({ kind: 'accounts', accountIds: [A] });
    // A statement that touches no row records nothing.
    await database.pool.query(`UPDATE iam_role SET path = '/y/' WHERE account_id = 'none'`);
    expect(await version()).toBe(before + 1);
  });
});
