import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../src/graphql/translateDatabaseError.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const accountId = '111122223333';
const role = (name: string, extra: Record<string, unknown> = {}) => ({
  id: `AROA${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
  accountId,
  name,
  nameKey: name.toLowerCase(),
  arn: `arn:aws:iam::${accountId}:role/${name}`,
  assumeRolePolicyDocument: '{}',
  ...extra,
});

/** Runs a write and returns the AWS code its failure translates to (or `ok`). */
async function codeOf(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
    return 'ok';
  } catch (error) {
    return String(translateDatabaseError(error)?.extensions.code ?? 'untranslated');
  }
}

describe('database constraints', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.prisma.account.create({ data: { id: accountId, name: 'main' } });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('accepts only 12-digit account ids', async () => {
    expect(await codeOf(() => database.prisma.account.create({ data: { id: '12345', name: 'short' } }))).toBe(
      'ValidationError',
    );
    expect(await codeOf(() => database.prisma.account.create({ data: { id: '12345678901a', name: 'letter' } }))).toBe(
      'ValidationError',
    );
  });

  it('makes role names unique case-insensitively per account', async () => {
    const { prisma } = database;
    expect(await codeOf(() => prisma.role.create({ data: role('Deployer') }))).toBe('ok');
    expect(
      await codeOf(() =>
        prisma.role.create({ data: { ...role('DEPLOYER'), arn: `arn:aws:iam::${accountId}:role/DEPLOYER` } }),
      ),
    ).toBe('EntityAlreadyExists');
  });

  it('enforces IAM name patterns, lower-cased name keys, paths and session durations', async () => {
    const { prisma } = database;
    expect(await codeOf(() => prisma.role.create({ data: role('bad name') }))).toBe('ValidationError');
    expect(await codeOf(() => prisma.role.create({ data: { ...role('Mixed'), nameKey: 'Mixed' } }))).toBe(
      'ValidationError',
    );
    expect(await codeOf(() => prisma.role.create({ data: role('a'.repeat(65)) }))).toBe('ValidationError');
    expect(await codeOf(() => prisma.role.create({ data: role('pathless', { path: 'no-slash' }) }))).toBe(
      'ValidationError',
    );
    expect(await codeOf(() => prisma.role.create({ data: role('deep', { path: '/a/b/' }) }))).toBe('ok');
    expect(await codeOf(() => prisma.role.create({ data: role('short', { maxSessionDuration: 3599 }) }))).toBe(
      'ValidationError',
    );
    expect(await codeOf(() => prisma.role.create({ data: role('long', { maxSessionDuration: 43200 }) }))).toBe('ok');
  });

  it('allows at most one default version per policy and only v<N> version ids', async () => {
    const { prisma } = database;
    await prisma.managedPolicy.create({
      data: {
        id: 'ANPAONEDEFAULT',
        accountId,
        name: 'OneDefault',
        nameKey: 'onedefault',
        arn: `arn:aws:iam::${accountId}:policy/OneDefault`,
      },
    });
    const version = (versionId: string, isDefault: boolean) =>
      prisma.policyVersion.create({ data: { policyId: 'ANPAONEDEFAULT', versionId, document: '{}', isDefault } });
    expect(await codeOf(() => version('v1', true))).toBe('ok');
    expect(await codeOf(() => version('v2', false))).toBe('ok');
    expect(await codeOf(() => version('v3', true))).toBe('EntityAlreadyExists');
    expect(await codeOf(() => version('version4', false))).toBe('ValidationError');
  });

  it('requires exactly one owner, matching principal_kind, for inline policies, attachments and tags', async () => {
    const { prisma } = database;
    const owner = await prisma.role.create({ data: role('Owner') });
    const inline = (data: Record<string, unknown>) =>
      prisma.inlinePolicy.create({ data: { name: 'p', nameKey: 'p', document: '{}', principalKind: 'ROLE', ...data } });
    expect(await codeOf(() => inline({}))).toBe('ValidationError');
    expect(await codeOf(() => inline({ principalKind: 'USER', roleId: owner.id }))).toBe('ValidationError');
    expect(await codeOf(() => inline({ roleId: owner.id }))).toBe('ok');
    expect(await codeOf(() => prisma.tag.create({ data: { key: 'Team', keyLower: 'team', value: 'x' } }))).toBe(
      'ValidationError',
    );
    expect(
      await codeOf(() => prisma.tag.create({ data: { roleId: owner.id, key: 'Team', keyLower: 'Team', value: 'x' } })),
    ).toBe('ValidationError');
    expect(
      await codeOf(() => prisma.tag.create({ data: { roleId: owner.id, key: 'Team', keyLower: 'team', value: 'x' } })),
    ).toBe('ok');
    expect(
      await codeOf(() => prisma.tag.create({ data: { roleId: owner.id, key: 'TEAM', keyLower: 'team', value: 'y' } })),
    ).toBe('EntityAlreadyExists');
  });

  it('refuses to delete a managed policy that is still attached', async () => {
    const { prisma } = database;
    const attachedTo = await prisma.role.create({ data: role('Attached') });
    await prisma.managedPolicy.create({
      data: {
        id: 'ANPAATTACHED',
        accountId,
        name: 'Attached',
        nameKey: 'attached',
        arn: `arn:aws:iam::${accountId}:policy/Attached`,
      },
    });
    await prisma.policyAttachment.create({
      data: { policyId: 'ANPAATTACHED', principalKind: 'ROLE', roleId: attachedTo.id },
    });
    expect(await codeOf(() => prisma.managedPolicy.delete({ where: { id: 'ANPAATTACHED' } }))).toBe('DeleteConflict');
  });
});
