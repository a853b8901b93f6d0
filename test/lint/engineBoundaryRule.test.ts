import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIdsFor(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await new ESLint({ cwd: repositoryRoot }).lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId);
}

describe("the engine's import boundary as a lint rule", () => {
  it('refuses I/O, frameworks, packages and the rest of the service inside src/iam', async () => {
    for (const specifier of [
      'graphql',
      'node:fs',
      '@prisma/client',
      'yaml',
      '../../features/auth/Caller.js',
      '../graphql/errors.js',
    ]) {
      const ids = await ruleIdsFor(
        `import { x } from '${specifier}';\nexport const y = x;\n`,
        'src/iam/evaluate/probe.ts',
      );
      expect(ids, specifier).toContain('no-restricted-imports');
    }
  });

  it("allows the engine's own files and node:crypto, and the same imports outside src/iam", async () => {
    expect(
      await ruleIdsFor(
        `import { x } from '../arn/parseArn.js';\nimport { createHash } from 'node:crypto';\nexport const y = [x, createHash];\n`,
        'src/iam/evaluate/probe.ts',
      ),
    ).toEqual([]);
    expect(await ruleIdsFor(`import { x } from 'graphql';\nexport const y = x;\n`, 'src/graphql/probe.ts')).toEqual([]);
  });
});
