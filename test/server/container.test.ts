import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = readFileSync(`${repositoryRoot}Dockerfile`, 'utf8');

/** The Dockerfile's instructions per stage (continuation lines joined, comments dropped). */
function stages(): { name: string; image: string; instructions: string[] }[] {
  const lines = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const result: { name: string; image: string; instructions: string[] }[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) result.push({ image: from[1]!, name: from[2] ?? '', instructions: [] });
    else result.at(-1)?.instructions.push(line);
  }
  return result;
}

describe('the Dockerfile', () => {
  it('builds in one stage and runs from another on a supported Node', () => {
    const [build, runtime, ...rest] = stages();
    expect(rest).toEqual([]);
    expect(build).toMatchObject({ name: 'build', image: expect.stringMatching(/^node:(22|24)[.-]/) });
    expect(runtime).toMatchObject({ name: 'runtime', image: expect.stringMatching(/^node:(22|24)[.-]/) });
    expect(build!.instructions).toContain('RUN npm ci --no-audit --no-fund');
  });

  it('installs production dependencies only in the runtime stage, and copies what the build stage made', () => {
    const runtime = stages()[1]!.instructions;
    expect(runtime.some((line) => /^RUN npm ci --omit=dev\b/.test(line))).toBe(true);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime).toContain('COPY --from=build /app/public/explorer ./public/explorer');
    for (const needed of ['schema.graphql', 'prisma', 'scenarios']) {
      expect(runtime.some((line) => line.startsWith(`COPY --from=build /app/${needed} `))).toBe(true);
    }
  });

  it('runs as a non-root user with a health check and an exec-form command', () => {
    const runtime = stages()[1]!.instructions;
    const user = runtime.find((line) => line.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)$/);
    expect(runtime.some((line) => /^HEALTHCHECK .*CMD \[.*\/health\/ready/.test(line))).toBe(true);
    const cmd = runtime.filter((line) => line.startsWith('CMD '));
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]!.slice(4))).toEqual(['node', 'dist/main.js']);
    expect(
      runtime.some((line) => line.startsWith('ENV ') && line.includes('PLAYGROUND_STATE_DIR=/var/lib/iam-playground')),
    ).toBe(true);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(readFileSync(`${repositoryRoot}docker-compose.yml`, 'utf8')) as {
    version?: unknown;
    services: Record<string, { build?: unknown; command?: unknown; volumes?: string[] }>;
  };

  it('runs the image the Dockerfile builds: no npm ci at start, no bind mount of the checkout, no obsolete version key', () => {
    expect(compose.version).toBeUndefined();
    const api = compose.services.api!;
    expect(api.build).toBe('.');
    expect(JSON.stringify(api.command ?? '')).not.toMatch(/npm/);
    for (const volume of api.volumes ?? []) expect(volume).not.toMatch(/^\.\.?(\/|:)/);
  });

  it('is valid for docker-compose', () => {
    // Debian's docker-compose (installed by .ci/run) checks the file without a Docker engine.
    execFileSync('docker-compose', ['config', '--quiet'], { cwd: repositoryRoot, stdio: 'pipe' });
  });
});
