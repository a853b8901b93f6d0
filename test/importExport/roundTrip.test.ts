import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuthorizationIndex } from '../../src/features/access/getAuthorizationIndex.js';
import { exportFiles } from '../../src/features/importExport/exportFiles.js';
import { importFiles } from '../../src/features/importExport/importFiles.js';
import { ImportInvalidError } from '../../src/features/importExport/ImportInvalidError.js';
import type { ImportSummary } from '../../src/features/importExport/importPlanTypes.js';
import { findWhoCanAccess } from '../../src/iam/analysis/index.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const SAMPLE = fileURLToPath(new URL('../../examples/aws-organization', import.meta.url));

/** Every file under `dir`, by relative path, with its text. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const json = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

describe('import and export of AWS CLI output', () => {
  /** Holds the imported sample (imported before every test runs). */
  let first: TestDatabase;
  /** Receives the export of `first`. */
  let second: TestDatabase;
  /** For rejected and partial imports. */
  let third: TestDatabase;
  const work = mkdtempSync(join(tmpdir(), 'iam-import-'));
  let summary: ImportSummary;

  beforeAll(async () => {
    [first, second, third] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    summary = await importFiles(first.prisma, SAMPLE);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), third?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('imports the sample organization into the ordinary model, keeping AWS ids, ARNs and paths', async () => {
    expect(summary.organizationId).toBe('o-a1b2c3d4e5');
    expect(summary.totals).toMatchObject({
      accounts: 4,
      users: 4,
      groups: 2,
      roles: 4,
      policies: 2,
      resources: 4,
      organizationPolicies: 5,
    });
    expect(summary.missingAwsManagedPolicies).toEqual([]);
    expect(summary.notes).toEqual([]);
    // The role's InstanceProfileList became an instance profile holding it
    const profile = await first.prisma.instanceProfile.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::222222222222:instance-profile/ledger-app' },
      include: { role: true },
    });
    expect(profile).toMatchObject({
      id: 'AIPAQ3EGUWFKLEDGERAPP',
      name: 'ledger-app',
      path: '/',
      accountId: '222222222222',
      role: { id: 'AROAQ3EGUWFKLEDGERAPP' },
    });
    expect(profile.createdAt.toISOString()).toBe('2024-03-14T09:40:12.000Z');
    const role = await first.prisma.role.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::222222222222:role/service/ledger-app' },
      include: { permissionsBoundary: true, tags: true },
    });
    expect(role).toMatchObject({ id: 'AROAQ3EGUWFKLEDGERAPP', path: '/service/', accountId: '222222222222' });
    expect(role.permissionsBoundary?.id).toBe('ANPAQ3EGUWFKBOUNDARY1');
    expect(role.tags.map((t) => `${t.key}=${t.value}`).sort()).toEqual(['app=ledger', 'env=prod']);
    const audit = await first.prisma.role.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::222222222222:role/SecurityAudit' },
    });
    expect(audit).toMatchObject({
      maxSessionDuration: 14400,
      description: 'Read-only audit from the security account',
    });
    expect(audit.createdAt.toISOString()).toBe('2024-03-14T09:40:12.000Z');
    const versions = await first.prisma.policyVersion.findMany({
      where: { policyId: 'ANPAQ3EGUWFKLEDGERRD1' },
      orderBy: { versionId: 'asc' },
    });
    expect(versions.map((v) => [v.versionId, v.isDefault])).toEqual([
      ['v1', false],
      ['v2', true],
    ]);
    const attached = await first.prisma.policyAttachment.findMany({
      where: { role: { arn: 'arn:aws:iam::222222222222:role/SecurityAudit' } },
      include: { policy: true },
    });
    expect(attached.map((a) => a.policy.arn).sort()).toEqual([
      'arn:aws:iam::222222222222:policy/LedgerRead',
      'arn:aws:iam::aws:policy/SecurityAudit',
    ]);
    // The AWS managed policy resolved to the shipped catalogue's row, not to a copy.
    expect(attached.find((a) => a.policy.accountId === null)?.policy.id).toBe(
      (await first.prisma.managedPolicy.findUniqueOrThrow({ where: { arn: 'arn:aws:iam::aws:policy/SecurityAudit' } }))
        .id,
    );
    const prod = await first.prisma.account.findUniqueOrThrow({
      where: { id: '222222222222' },
      include: { parent: true },
    });
    expect(prod).toMatchObject({
      name: 'Production',
      email: 'aws-prod@example.com',
      organizationId: 'o-a1b2c3d4e5',
      parentId: 'ou-a1b2-p1p1p1p1',
    });
    expect((await first.prisma.account.findUniqueOrThrow({ where: { id: '444444444444' } })).alias).toBe(
      'example-security',
    );
  });

  it('is what the authorization index answers from right after the import', async () => {
    const { model, graph } = await getAuthorizationIndex(first.pool).current();
    const grants = findWhoCanAccess(model, graph, 'arn:aws:s3:::example-prod-ledger/2026/q1.csv', 's3:GetObject');
    const alice = grants.find((g) => g.principal.arn === 'arn:aws:iam::444444444444:user/alice');
    expect(alice?.path.hops.map((h) => [h.roleArn, h.requirements.mfa])).toEqual([
      ['arn:aws:iam::222222222222:role/SecurityAudit', true],
    ]);
    expect(grants.map((g) => g.principal.arn)).not.toContain('arn:aws:iam::444444444444:user/mallory');
  });

  it('exports the same shapes, and an import of the export is identical', async () => {
    const once = join(work, 'once');
    const twice = join(work, 'twice');
    const exported = await exportFiles(first.prisma, once);
    expect(exported).toMatchObject({ organizationId: 'o-a1b2c3d4e5', accounts: 4, skippedResources: [] });

    await importFiles(second.prisma, once);
    await exportFiles(second.prisma, twice);

    const a = readTree(once);
    const b = readTree(twice);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
    // Every file the sample has, the export has too, with the same entities and documents.
    for (const path of readTree(SAMPLE).keys()) expect(a.has(path), path).toBe(true);
    const original = json(SAMPLE, 'accounts/222222222222/get-account-authorization-details.json');
    const back = json(once, 'accounts/222222222222/get-account-authorization-details.json');
    expect(back.RoleDetailList.map((r: { Arn: string }) => r.Arn).sort()).toEqual(
      original.RoleDetailList.map((r: { Arn: string }) => r.Arn).sort(),
    );
    const profiles = (d: {
      RoleDetailList: {
        RoleName: string;
        InstanceProfileList: { InstanceProfileId: string; Arn: string; Path: string; Roles: { Arn: string }[] }[];
      }[];
    }) =>
      d.RoleDetailList.find((r) => r.RoleName === 'ledger-app')!.InstanceProfileList.map((p) => [
        p.InstanceProfileId,
        p.Arn,
        p.Path,
        p.Roles.map((r) => r.Arn),
      ]);
    expect(profiles(back)).toEqual(profiles(original));
    expect(profiles(back)).toHaveLength(1);
    const ledger = (d: { Policies: { PolicyName: string; PolicyVersionList: unknown[] }[] }) =>
      d.Policies.find((p) => p.PolicyName === 'LedgerRead')!.PolicyVersionList;
    expect(ledger(back)).toEqual(ledger(original));
    expect(json(once, 'organization/policies/p-v7m2w8rt/list-targets-for-policy.json')).toEqual(
      json(SAMPLE, 'organization/policies/p-v7m2w8rt/list-targets-for-policy.json'),
    );
    expect(JSON.parse(json(once, 'accounts/222222222222/resources/s3/example-prod-ledger.json').Policy)).toEqual(
      JSON.parse(json(SAMPLE, 'accounts/222222222222/resources/s3/example-prod-ledger.json').Policy),
    );
  });

  it('re-imports idempotently: an account is replaced and its sessions end', async () => {
    const before = readTree((await exportFiles(first.prisma, join(work, 'before')), join(work, 'before')));
    await first.prisma.session.create({
      data: {
        id: 'ASIAQ3EGUWFKSESSION01',
        accountId: '222222222222',
        roleId: 'AROAQ3EGUWFKPRODAUDIT',
        sessionName: 'alice',
        arn: 'arn:aws:sts::222222222222:assumed-role/SecurityAudit/alice',
        callerArn: 'arn:aws:iam::444444444444:user/alice',
        secretEncrypted: 'x',
        tokenHash: 'roundtrip-session',
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await first.prisma.user.create({
      data: {
        id: 'AIDAQ3EGUWFKEXTRA0001',
        accountId: '222222222222',
        name: 'extra',
        nameKey: 'extra',
        arn: 'arn:aws:iam::222222222222:user/extra',
      },
    });

    await importFiles(first.prisma, join(SAMPLE, 'accounts', '222222222222'));

    expect(await first.prisma.session.count({ where: { accountId: '222222222222' } })).toBe(0);
    expect(await first.prisma.user.count({ where: { accountId: '222222222222' } })).toBe(0);
    await importFiles(first.prisma, SAMPLE);
    const after = readTree((await exportFiles(first.prisma, join(work, 'after')), join(work, 'after')));
    expect(after).toEqual(before);
  });

  it('rejects a truncated file with the file, the place and what was expected, and writes nothing', async () => {
    const broken = join(work, 'broken');
    cpSync(SAMPLE, broken, { recursive: true });
    const file = join(broken, 'accounts/333333333333/get-account-authorization-details.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const users = await third.prisma.user.count();

    const error = await importFiles(third.prisma, broken).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportInvalidError);
    const [problem] = (error as ImportInvalidError).problems;
    expect(problem?.file).toBe(file);
    expect(problem?.path).toBe('$');
    expect(problem?.expected).toMatch(
      /complete, well-formed JSON .*line \d+, column \d+; the file ends early, it may be truncated/,
    );
    expect(await third.prisma.user.count()).toBe(users);
  });

  it('rejects values of the wrong shape with their JSON path, every one of them', async () => {
    const file = join(work, 'wrong-shape.json');
    writeFileSync(
      file,
      JSON.stringify({
        UserDetailList: [
          {
            UserName: 'a',
            UserId: 'AIDAEXAMPLE0000000001',
            Arn: 'arn:aws:iam::555555555555:user/a',
            GroupList: ['nobody'],
          },
        ],
        RoleDetailList: [{ RoleName: 7, RoleId: 'AROAEXAMPLE0000000001', Arn: 'arn:aws:iam::555555555555:role/r' }],
        IsTruncated: true,
      }),
    );

    const error = (await importFiles(third.prisma, file).catch((e: unknown) => e)) as ImportInvalidError;

    expect(error).toBeInstanceOf(ImportInvalidError);
    expect(error.problems.map((p) => `${p.path}: ${p.expected}`)).toEqual([
      '$.IsTruncated: a complete listing (`IsTruncated` is true: run the command without --max-items so the CLI fetches every page)',
      '$.RoleDetailList[0].RoleName: a string, found the number `7`',
      '$.RoleDetailList[0].AssumeRolePolicyDocument: a policy document property `AssumeRolePolicyDocument`',
    ]);
    expect(await third.prisma.account.count({ where: { id: '555555555555' } })).toBe(0);
  });

  it('rejects an entity whose unique id another account already holds, before writing', async () => {
    const file = join(work, 'clash.json');
    writeFileSync(
      file,
      JSON.stringify({
        UserDetailList: [
          {
            Path: '/',
            UserName: 'clash',
            UserId: 'AIDAQ3EGUWFKALICE0001',
            Arn: 'arn:aws:iam::777777777777:user/clash',
            GroupList: [],
            AttachedManagedPolicies: [],
          },
        ],
      }),
    );

    const error = (await importFiles(first.prisma, file).catch((e: unknown) => e)) as ImportInvalidError;

    expect(error).toBeInstanceOf(ImportInvalidError);
    expect(error.problems).toEqual([
      {
        file: '(database)',
        path: 'arn:aws:iam::444444444444:user/alice',
        expected: 'a user id and ARN no other account holds: `AIDAQ3EGUWFKALICE0001` is stored in account 444444444444',
      },
    ]);
    expect(await first.prisma.account.count({ where: { id: '777777777777' } })).toBe(0);
  });

  it('rejects an instance profile under two roles (IAM allows one) or whose id another account holds', async () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    const profile = (id: string, name: string) => ({
      Path: '/',
      InstanceProfileName: name,
      InstanceProfileId: id,
      Arn: `arn:aws:iam::888888888888:instance-profile/${name}`,
      Roles: [],
    });
    const role = (name: string, profiles: unknown[]) => ({
      Path: '/',
      RoleName: name,
      RoleId: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
      Arn: `arn:aws:iam::888888888888:role/${name}`,
      AssumeRolePolicyDocument: trust,
      InstanceProfileList: profiles,
    });
    const twice = join(work, 'profile-twice.json');
    writeFileSync(
      twice,
      JSON.stringify({
        RoleDetailList: [
          role('one', [profile('AIPAQ3EGUWFKSHARED001', 'shared')]),
          role('two', [profile('AIPAQ3EGUWFKSHARED001', 'shared')]),
        ],
      }),
    );
    const shared = (await importFiles(third.prisma, twice).catch((e: unknown) => e)) as ImportInvalidError;
    expect(shared).toBeInstanceOf(ImportInvalidError);
    expect(shared.problems.map((p) => p.path)).toEqual(['$.RoleDetailList[1].InstanceProfileList[0]']);

    const clash = join(work, 'profile-clash.json');
    writeFileSync(clash, JSON.stringify({ RoleDetailList: [role('web', [profile('AIPAQ3EGUWFKLEDGERAPP', 'web')])] }));
    const taken = (await importFiles(first.prisma, clash).catch((e: unknown) => e)) as ImportInvalidError;
    expect(taken).toBeInstanceOf(ImportInvalidError);
    expect(taken.problems.map((p) => p.expected)).toEqual([
      'an instance profile id and ARN no other account holds: `AIPAQ3EGUWFKLEDGERAPP` is stored in account 222222222222',
    ]);
    expect(await first.prisma.account.count({ where: { id: '888888888888' } })).toBe(0);
  });

  it('reports an AWS managed policy the catalogue lacks and keeps the attachment', async () => {
    const file = join(work, 'single.json');
    const missing = 'arn:aws:iam::aws:policy/job-function/ExampleNotInTheCatalogue';
    writeFileSync(
      file,
      JSON.stringify({
        UserDetailList: [
          {
            Path: '/',
            UserName: 'solo',
            UserId: 'AIDAQ3EGUWFKSOLOUSER1',
            Arn: 'arn:aws:iam::666666666666:user/solo',
            CreateDate: '2024-01-02T03:04:05Z',
            GroupList: [],
            AttachedManagedPolicies: [
              { PolicyName: 'ExampleNotInTheCatalogue', PolicyArn: missing },
              { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
          },
        ],
        GroupDetailList: [],
        // A trust policy naming a deleted role by its unique id, as AWS shows it: imported as is, and read by the
        // engine (the id matches no principal).
        RoleDetailList: [
          {
            Path: '/',
            RoleName: 'orphan',
            RoleId: 'AROAQ3EGUWFKORPHAN001',
            Arn: 'arn:aws:iam::666666666666:role/orphan',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: 'AROAQ3EGUWFKDELETED01' }, Action: 'sts:AssumeRole' }],
            },
          },
        ],
        Policies: [],
      }),
    );

    const single = await importFiles(third.prisma, file);

    expect(single.notes).toEqual([]);
    expect(
      (await third.prisma.role.findUniqueOrThrow({ where: { id: 'AROAQ3EGUWFKORPHAN001' } })).assumeRolePolicyDocument,
    ).toContain('AROAQ3EGUWFKDELETED01');

    expect(single.missingAwsManagedPolicies).toEqual([
      { arn: missing, referencedBy: ['arn:aws:iam::666666666666:user/solo'], source: 'placeholder' },
    ]);
    const attachments = await third.prisma.policyAttachment.findMany({
      where: { userId: 'AIDAQ3EGUWFKSOLOUSER1' },
      include: { policy: true },
    });
    expect(attachments.map((a) => a.policy.arn).sort()).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess', missing]);
    expect((await third.prisma.account.findUniqueOrThrow({ where: { id: '666666666666' } })).name).toBe('666666666666');
  });
});
