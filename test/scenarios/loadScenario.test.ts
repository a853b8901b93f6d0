import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenario } from '../../src/features/scenarios/loadScenario.js';
import { listScenarioNames, readScenario } from '../../src/features/scenarios/readScenario.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const cipher = createSecretCipher(randomBytes(32));

/** Every stored row a scenario writes, without the columns that hold times or fresh ciphertext. */
async function snapshot(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const omitTimes = <T extends Record<string, unknown>>(rows: T[]): Record<string, unknown>[] =>
    rows.map(
      ({ createdAt: _c, updatedAt: _u, enabledAt: _e, secretEncrypted: _s, seedEncrypted: _d, ...rest }) => rest,
    );
  return {
    organizations: omitTimes(await prisma.organization.findMany({ orderBy: { id: 'asc' } })),
    units: omitTimes(await prisma.organizationalUnit.findMany({ orderBy: { id: 'asc' } })),
    accounts: omitTimes(await prisma.account.findMany({ orderBy: { id: 'asc' } })),
    organizationPolicies: omitTimes(await prisma.organizationPolicy.findMany({ orderBy: { id: 'asc' } })),
    attachments: omitTimes(
      await prisma.organizationPolicyAttachment.findMany({ orderBy: [{ policyId: 'asc' }, { targetId: 'asc' }] }),
    ),
    users: omitTimes(await prisma.user.findMany({ orderBy: { id: 'asc' } })),
    groups: omitTimes(await prisma.group.findMany({ orderBy: { id: 'asc' } })),
    roles: omitTimes(await prisma.role.findMany({ orderBy: { id: 'asc' } })),
    policies: omitTimes(
      await prisma.managedPolicy.findMany({ where: { accountId: { not: null } }, orderBy: { id: 'asc' } }),
    ),
    versions: omitTimes(
      await prisma.policyVersion.findMany({
        where: { policy: { accountId: { not: null } } },
        orderBy: [{ policyId: 'asc' }],
      }),
    ),
    inline: omitTimes(await prisma.inlinePolicy.findMany({ orderBy: { id: 'asc' } })),
    policyAttachments: omitTimes(await prisma.policyAttachment.findMany({ orderBy: { id: 'asc' } })),
    memberships: omitTimes(await prisma.groupMembership.findMany({ orderBy: [{ userId: 'asc' }, { groupId: 'asc' }] })),
    resources: omitTimes(await prisma.resource.findMany({ orderBy: { id: 'asc' } })),
    tags: omitTimes(await prisma.tag.findMany({ orderBy: { id: 'asc' } })),
    accessKeys: omitTimes(await prisma.accessKey.findMany({ orderBy: { id: 'asc' } })),
    mfaDevices: omitTimes(await prisma.mfaDevice.findMany({ orderBy: { serialNumber: 'asc' } })),
  };
}

describe('loadScenario', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('loads every scenario side by side into one database', async () => {
    let accounts = 0;
    for (const name of listScenarioNames()) {
      const scenario = readScenario(name);
      accounts += scenario.accounts.length;
      await loadScenario(db.prisma, scenario, { cipher });
    }
    const auditor = readScenario('cross-account-auditor');
    const role = await db.prisma.role.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::100000000002:role/SecurityAudit' },
      include: { attachedPolicies: { include: { policy: { include: { versions: true } } } }, account: true },
    });
    expect(role.account.alias).toBe('auditor-prod');
    expect(JSON.parse(role.assumeRolePolicyDocument)).toEqual(auditor.accounts[1]?.roles?.[0]?.trustPolicy);
    expect(role.attachedPolicies.map((a) => a.policy.name)).toEqual(['ReadOnlyAudit']);
    expect(role.attachedPolicies[0]?.policy.versions).toMatchObject([{ versionId: 'v1', isDefault: true }]);
    const prod = await db.prisma.account.findUniqueOrThrow({
      where: { id: '100000000002' },
      include: { parent: { include: { parent: true } } },
    });
    expect(prod.parent?.name).toBe('Prod');
    expect(prod.parent?.parent?.name).toBe('Workloads');
    expect(await db.prisma.account.count()).toBe(accounts);
    expect(accounts).toBeGreaterThanOrEqual(19);
  });

  it('stores access keys and MFA seeds encrypted so the printed secret decrypts back', async () => {
    const loaded = await loadScenario(db.prisma, readScenario('cross-account-auditor'), { cipher });
    const alice = loaded.accessKeys.find((k) => k.principalArn.endsWith(':user/alice'));
    expect(alice?.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const stored = await db.prisma.accessKey.findUniqueOrThrow({ where: { id: alice?.accessKeyId ?? '' } });
    expect(stored.secretEncrypted).not.toContain(alice?.secretAccessKey);
    expect(cipher.decrypt(stored.secretEncrypted)).toBe(alice?.secretAccessKey);
    const device = await db.prisma.mfaDevice.findUniqueOrThrow({
      where: { serialNumber: 'arn:aws:iam::100000000001:mfa/alice-phone' },
    });
    expect(cipher.decrypt(device.seedEncrypted)).toBe(loaded.mfaDevices[0]?.seed);
    expect(device.enabledAt).not.toBeNull();
  });

  it('changes nothing when a scenario is loaded again', async () => {
    // Given every scenario loaded once (first test)
    const before = await snapshot(db.prisma);
    // When one is loaded again, after someone deleted a role and added a user in its account
    await db.prisma.role.delete({ where: { arn: 'arn:aws:iam::120000000002:role/DeployRole' } });
    await db.prisma.user.create({
      data: {
        id: 'AIDAEXTRAEXTRAEXTRAEX',
        accountId: '120000000002',
        name: 'stray',
        nameKey: 'stray',
        arn: 'arn:aws:iam::120000000002:user/stray',
      },
    });
    const first = await loadScenario(db.prisma, readScenario('role-chaining-one-hour'), { cipher });
    const second = await loadScenario(db.prisma, readScenario('role-chaining-one-hour'), { cipher });
    // Then the database is as the first load left it, and the credentials are the same
    expect(await snapshot(db.prisma)).toEqual(before);
    expect(second.accessKeys).toEqual(first.accessKeys);
  });

  it('reloads a scenario whose accounts hold live sessions', async () => {
    await db.prisma.session.create({
      data: {
        id: 'ASIAEXAMPLEEXAMPLE12',
        accountId: '130000000001',
        roleId: (await db.prisma.role.findUniqueOrThrow({ where: { arn: 'arn:aws:iam::130000000001:role/PowerUser' } }))
          .id,
        sessionName: 's',
        arn: 'arn:aws:sts::130000000001:assumed-role/PowerUser/s',
        callerArn: 'arn:aws:iam::130000000001:user/deployer',
        secretEncrypted: 'x',
        tokenHash: 'h',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await loadScenario(db.prisma, readScenario('session-policy-narrowing'), { cipher });
    expect(await db.prisma.session.count({ where: { accountId: '130000000001' } })).toBe(0);
  });

  it('writes nothing when the load fails part-way', async () => {
    // Given an account outside the scenario that already holds one of its aliases (a unique column)
    const before = await snapshot(db.prisma);
    await db.prisma.account.create({ data: { id: '999999999999', name: 'squatter', alias: 'vendor-saas-squatted' } });
    const scenario = readScenario('vendor-external-id');
    const vendor = scenario.accounts[1];
    if (vendor === undefined) throw new Error('fixture changed');
    vendor.alias = 'vendor-saas-squatted';
    // When loading it fails on the alias, after the old accounts were deleted inside the transaction
    await expect(loadScenario(db.prisma, scenario, { cipher })).rejects.toThrow();
    // Then the earlier load is intact
    await db.prisma.account.delete({ where: { id: '999999999999' } });
    expect(await snapshot(db.prisma)).toEqual(before);
  });
});
