import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSameAccountRole, listLastRoles } from '../../examples/typed-client/client.js';
import { startManagementServer, type Key } from '../management/managementTestServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Type-checks the example (and `extra`, a file placed beside it) with the project's TypeScript; the diagnostics. */
async function compileExample(extra?: string): Promise<string> {
  const dir = await mkdtemp(join(root, 'examples/typed-client/.check-'));
  try {
    const files = ['../client.ts'];
    if (extra !== undefined) {
      await writeFile(join(dir, 'extra.ts'), extra);
      files.push('extra.ts');
    }
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: files }));
    const result = await run(process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '-p',
      dir,
    ]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the typed-client example', () => {
  it('compiles against the generated types, and would not with a field the schema lacks', async () => {
    expect(await compileExample()).toBe('');
    // Non-vacuity: the same compiler refuses a misuse of the generated result type.
    const misuse = `import { request } from '../client.js';
import { AccountRolesDocument } from '../generated/graphql.js';
const result = await request('', { accessKeyId: '', secretAccessKey: '' }, AccountRolesDocument, { accountId: '1', last: 1 });
export const wrong: string = result.data?.account?.roles.nodez ?? '';
`;
    expect(await compileExample(misuse)).toContain("Property 'nodez' does not exist");
  }, 120_000);

  describe('against a real server', () => {
    let env: Awaited<ReturnType<typeof startManagementServer>>;
    let accountId: string;
    let rootKey: Key;

    beforeAll(async () => {
      env = await startManagementServer();
      ({ accountId, root: rootKey } = await env.createAccount('typed-client'));
    });
    afterAll(async () => {
      await env?.server.close();
    });

    it('runs the mutation and the query with their generated types', async () => {
      const endpoint = `${env.server.url}/graphql`;
      const created = await createSameAccountRole(endpoint, rootKey, accountId, 'FromTypedClient');
      expect(created.arn).toBe(`arn:aws:iam::${accountId}:role/FromTypedClient`);
      await createSameAccountRole(endpoint, rootKey, accountId, 'Second');
      expect(await listLastRoles(endpoint, rootKey, accountId, 1)).toEqual({
        total: 2,
        arns: [`arn:aws:iam::${accountId}:role/Second`],
      });
    });
  });
});
