import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('.', import.meta.url).pathname;
const ALLOWED_NODE_MODULES = new Set(['node:crypto']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });

/** Why an import is forbidden in the pure engine, or null when it is fine. */
const forbidden = (file: string, specifier: string): string | null => {
  if (
    specifier.startsWith('node:') ||
    ['fs', 'path', 'http', 'net', 'child_process', 'os', 'crypto'].includes(specifier)
  ) {
    return ALLOWED_NODE_MODULES.has(specifier) ? null : 'node I/O';
  }
  if (/^(graphql|@apollo\/|@prisma\/|prisma|pg|dataloader|@electric-sql\/)/.test(specifier))
    return 'framework or database';
  if (specifier.startsWith('.')) {
    const target = join(file, '..', specifier);
    if (relative(ROOT, target).startsWith('..')) return 'outside src/iam';
    return null;
  }
  return 'third-party package';
};

describe('src/iam imports', () => {
  it('imports nothing from graphql, prisma, node I/O, src/features or other packages', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const specifier = match[1] ?? match[2]!;
        const reason = forbidden(file, specifier);
        if (reason !== null) violations.push(`${relative(ROOT, file)}: ${specifier} (${reason})`);
      }
    }
    expect(violations).toEqual([]);
  });
  it('detects a forbidden import', () => {
    expect(forbidden(join(ROOT, 'x.ts'), 'graphql')).toBe('framework or database');
    expect(forbidden(join(ROOT, 'x.ts'), 'node:fs')).toBe('node I/O');
    expect(forbidden(join(ROOT, 'evaluate/x.ts'), '../../features/a.js')).toBe('outside src/iam');
    expect(forbidden(join(ROOT, 'evaluate/x.ts'), '../arn/parseArn.js')).toBeNull();
  });
});
