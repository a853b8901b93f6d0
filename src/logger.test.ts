import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const loggerModule = fileURLToPath(new URL('./logger.ts', import.meta.url));

describe('createLogger', () => {
  it('writes asynchronously yet loses no line logged just before process.exit', () => {
    // Given a process that logs many lines through the default destination and exits at once
    const script = `
      const { createLogger } = await import(${JSON.stringify(loggerModule)});
      const logger = createLogger('info');
      for (let i = 0; i < 2000; i++) logger.info({ i }, 'line');
      logger.error({ reason: 'last' }, 'shutting down');
      process.exit(3);
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

    // Then every line reached stdout, whole and in order, as one JSON object per line
    expect(result.status).toBe(3);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2001);
    expect(lines.slice(0, 2000).map((line) => line.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lines[2000]).toMatchObject({ level: 50, service: 'iam-playground', reason: 'last', msg: 'shutting down' });
  });

  it('closeLogger writes every line before the process exits', () => {
    const script = `
      const { createLogger, closeLogger } = await import(${JSON.stringify(loggerModule)});
      const logger = createLogger('info');
      for (let i = 0; i < 5000; i++) logger.info({ i, padding: 'x'.repeat(200) }, 'line');
      await closeLogger(logger);
      process.exit(0);
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
