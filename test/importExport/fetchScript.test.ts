import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportInput } from '../../src/features/importExport/readImportInput.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'examples', 'aws-organization');
const FAKE_AWS = fileURLToPath(new URL('./fakeAws', import.meta.url));

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

describe('scripts/fetch-aws-iam.sh', () => {
  const out = mkdtempSync(join(tmpdir(), 'iam-fetch-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('fills the import layout from the AWS CLI, every account through the named role', async () => {
    // Given an AWS CLI that answers from the sample organization (test/importExport/fakeAws/aws)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${FAKE_AWS}${delimiter}${process.env.PATH}`,
      FAKE_AWS_DATA: SAMPLE,
    };
    delete env.AWS_ACCESS_KEY_ID;

    // When the script fetches the organization and its accounts
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        'bash',
        [
          join(ROOT, 'scripts', 'fetch-aws-iam.sh'),
          out,
          '--organization',
          '--role-name',
          'Audit',
          '--regions',
          'eu-west-1',
        ],
        { env, timeout: 120_000 },
        (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr }),
      );
    });

    // Then every file of the sample is there with the same content, and the folder imports as the sample does
    expect(run.stderr).not.toContain('skipped');
    expect(run.code).toBe(0);
    const fetched = files(out);
    for (const path of files(SAMPLE)) {
      expect(fetched, path).toContain(path);
      expect(JSON.parse(readFileSync(join(out, path), 'utf8')), path).toEqual(
        JSON.parse(readFileSync(join(SAMPLE, path), 'utf8')),
      );
    }
    expect(
      fetched
        .filter((path) => !files(SAMPLE).includes(path))
        .every((path) => /list-(roles|account-aliases)\.json$/.test(path)),
    ).toBe(true);
    const strip = (bundle: ReturnType<typeof readImportInput>) => ({
      ...bundle,
      accounts: bundle.accounts.map(({ source: _s, ...a }) => a),
      notes: bundle.notes.length,
    });
    expect(strip(readImportInput(out))).toEqual(strip(readImportInput(SAMPLE)));
  }, 180_000);
});
