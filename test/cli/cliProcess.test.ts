import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'iam-playground.mjs');
const SAMPLE = join(ROOT, 'examples', 'aws-organization');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `iam-playground` as its own process against `databaseUrl` (none: a database that must not be needed). */
function cli(args: string[], databaseUrl: string | null): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LOG_LEVEL: 'silent' };
  delete env.FORCE_COLOR;
  // A URL nothing listens on: a command that should not touch a database fails loudly if it tries.
  env.DATABASE_URL = databaseUrl ?? 'postgresql://nobody@127.0.0.1:1/none';
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('iam-playground as a process', () => {
  let db: TestDatabase;
  const work = mkdtempSync(join(tmpdir(), 'iam-cli-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = await cli(['import', SAMPLE, '--json'], db.url);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).totals).toMatchObject({ accounts: 4, users: 4, roles: 4 });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports for people with a table, and for scripts with JSON', async () => {
    const run = await cli(['import', join(SAMPLE, 'accounts', '333333333333')], db.url);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 1 account (1 users, 0 groups, 1 roles');
    expect(run.stdout).toMatch(/333333333333 +Development +1 +0 +1 +0 +1/);
  });

  it('answers who-can and paths from the configured database, exit 3 when the answer is no', async () => {
    const who = await cli(
      ['who-can', 'arn:aws:s3:::example-prod-ledger/2026/q1.csv', 's3:GetObject', '--json'],
      db.url,
    );
    expect(who.code).toBe(0);
    const alice = JSON.parse(who.stdout).find(
      (g: { principalArn: string }) => g.principalArn === 'arn:aws:iam::444444444444:user/alice',
    );
    expect(
      alice.path.map((h: { roleArn: string; requirements: { mfa: boolean } }) => [h.roleArn, h.requirements.mfa]),
    ).toEqual([['arn:aws:iam::222222222222:role/SecurityAudit', true]]);

    const nobody = await cli(['who-can', 'arn:aws:sqs:eu-west-1:999999999999:elsewhere', 'sqs:SendMessage'], db.url);
    expect(nobody.code).toBe(3);
    expect(nobody.stdout).toContain('No stored principal can perform sqs:SendMessage');

    const paths = await cli(
      ['paths', 'arn:aws:iam::444444444444:user/alice', 'arn:aws:iam::222222222222:role/SecurityAudit'],
      db.url,
    );
    expect(paths.code).toBe(0);
    expect(paths.stdout).toContain('→ arn:aws:iam::222222222222:role/SecurityAudit [MFA]');
    const none = await cli(
      ['paths', 'arn:aws:iam::444444444444:user/mallory', 'arn:aws:iam::222222222222:role/SecurityAudit', '--json'],
      db.url,
    );
    expect([none.code, JSON.parse(none.stdout)]).toEqual([3, []]);
    const unknown = await cli(
      ['paths', 'arn:aws:iam::444444444444:user/nobody', 'arn:aws:iam::222222222222:role/SecurityAudit'],
      db.url,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'NoSuchEntity: the principal with ARN arn:aws:iam::444444444444:user/nobody cannot be found.',
    );
  });

  it('exports the model into the layout import reads', async () => {
    const out = join(work, 'export');
    const run = await cli(['export', out, '--json'], db.url);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ organizationId: 'o-a1b2c3d4e5', accounts: 4, skippedResources: [] });
    const details = JSON.parse(
      readFileSync(join(out, 'accounts/444444444444/get-account-authorization-details.json'), 'utf8'),
    );
    expect(details.UserDetailList.map((u: { UserName: string }) => u.UserName)).toEqual(['alice', 'mallory']);
    expect(existsSync(join(out, 'organization/parents/r-a1b2/list-organizational-units-for-parent.json'))).toBe(true);
  });

  it('rejects a malformed file with exit 1, naming the file and the place, and writes nothing', async () => {
    const broken = join(work, 'broken');
    cpSync(SAMPLE, broken, { recursive: true });
    const file = join(broken, 'organization/list-accounts.json');
    writeFileSync(file, '{"Accounts": [{"Id": "222222222222", "Name": 5}]}');
    // A change that would show had anything been written.
    writeFileSync(
      join(broken, 'accounts/444444444444/list-account-aliases.json'),
      '{"AccountAliases": ["changed-alias"]}',
    );

    const run = await cli(['import', broken], db.url);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('import rejected, nothing was written:');
    expect(run.stderr).toContain(`${file}: $.Accounts[0].Name: expected a string, found the number \`5\``);
    expect(run.stdout).toBe('');
    expect((await db.prisma.account.findUniqueOrThrow({ where: { id: '444444444444' } })).alias).toBe(
      'example-security',
    );
  });

  it('simulates with the engine alone, from policy files, without a database', async () => {
    const policy = join(work, 'read.json');
    writeFileSync(
      policy,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }],
      }),
    );
    const scp = join(work, 'deny-eu.json');
    writeFileSync(
      scp,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OnlyEu',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { StringNotLike: { 'aws:RequestedRegion': 'eu-*' } },
          },
        ],
      }),
    );
    const full = join(work, 'full.json');
    writeFileSync(
      full,
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    );

    const allowed = await cli(
      ['simulate', '--policy', policy, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::data/a.csv', '--json'],
      null,
    );
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).evaluationResults[0]).toMatchObject({
      evalDecision: 'allowed',
      matchedStatements: [{ statementId: 'Read' }],
    });

    const denied = await cli(
      [
        'simulate',
        '--policy',
        policy,
        '--action',
        's3:GetObject',
        '--resource',
        'arn:aws:s3:::data/a.csv',
        '--scp',
        `${full},${scp}`,
        '--context',
        'aws:RequestedRegion=us-east-1',
      ],
      null,
    );
    expect(denied.code).toBe(3);
    expect(denied.stdout).toMatch(/s3:GetObject +arn:aws:s3:::data\/a\.csv +explicitDeny/);

    writeFileSync(policy, '{"Version": "2012-10-17", "Statement": [');
    const malformed = await cli(['simulate', '--policy', policy, '--action', 's3:GetObject'], null);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('MalformedPolicyDocument');
  });

  it('answers a wrong command line with exit 2 and the seed list with JSON', async () => {
    const wrong = await cli(['who-can', 'arn:aws:s3:::only-one-argument'], null);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("error: missing required argument 'action'");

    const list = await cli(['seed', '--list', '--json'], null);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toContainEqual({
      name: 'cross-account-auditor',
      title: 'Cross-account read-only auditor',
    });
  });
});
