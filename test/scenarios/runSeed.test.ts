import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { runSeed, type SeedDependencies } from '../../src/features/scenarios/runSeed.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';

describe('runSeed (npm run seed)', () => {
  let db: TestDatabase;
  let out: string[];
  let err: string[];
  let opened: number;
  let deps: SeedDependencies;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  function reset(extra: Partial<SeedDependencies> = {}): void {
    out = [];
    err = [];
    opened = 0;
    deps = {
      async openDatabase() {
        opened += 1;
        return { prisma: db.prisma, cipher: createSecretCipher(randomBytes(32)), close: async () => undefined };
      },
      print: (text) => out.push(text),
      printError: (text) => err.push(text),
      ...extra,
    };
  }

  it('lists every scenario with its title, without opening the database', async () => {
    reset();
    expect(await runSeed(['--list'], deps)).toBe(0);
    expect(out).toContain('vendor-external-id               Third-party vendor with ExternalId (the confused deputy)');
    expect(out.length).toBeGreaterThanOrEqual(11);
    expect(opened).toBe(0);
  });

  it('loads a scenario and prints the credentials to use', async () => {
    reset();
    expect(await runSeed(['vendor-external-id'], deps)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Loaded scenario `vendor-external-id`');
    const key = /accessKeyId\s+(AKIA\w{16})\n\s+secretAccessKey\s+(\S{40})/.exec(text);
    expect(key).not.toBeNull();
    expect(await db.prisma.accessKey.findUnique({ where: { id: key?.[1] ?? '' } })).toMatchObject({
      accountId: '110000000002',
    });
    expect(text).toContain(`curl -s -u '${key?.[1]}:${key?.[2]}'`);
  });

  it('explains an unknown scenario and an invalid file, without touching the database', async () => {
    reset();
    expect(await runSeed(['nope'], deps)).toBe(1);
    expect(err.join('\n')).toMatch(/^no scenario `nope`; available: abac-session-tags, /);
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'name: bad\ntitle: Bad\ndescription: x\naccounts: [{ id: "12", name: a }]\nexamples: []\nexpectations: []\n',
    );
    reset({ scenarioDir: dir });
    expect(await runSeed(['bad'], deps)).toBe(1);
    expect(err.join('\n')).toContain('accounts[0].id: must match the pattern `^[0-9]{12}$`');
    expect(err.join('\n')).toContain('examples: must not have fewer than 1 items');
    expect(opened).toBe(0);
  });

  it('prints usage for missing or extra arguments', async () => {
    reset();
    expect(await runSeed([], deps)).toBe(2);
    expect(await runSeed(['a', 'b'], deps)).toBe(2);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^usage: npm run seed -- <scenario>/);
  });
});
