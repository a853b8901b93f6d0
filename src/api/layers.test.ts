import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('..', import.meta.url).pathname;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });

/** The layer of a file under src: the API composition above the features, the features, the helpers below them. */
function layerOf(path: string): 'api' | 'features' | 'graphql' | 'other' {
  const top = relative(SRC, path).split('/')[0];
  return top === 'api' || top === 'features' || top === 'graphql' ? top : 'other';
}

/** Why an import breaks the direction of the layers (api → features → graphql helpers), or null. */
function violation(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const from = layerOf(file);
  const to = layerOf(join(file, '..', specifier));
  if (from === 'graphql' && (to === 'features' || to === 'api')) return 'a shared helper imports what sits above it';
  if (from === 'features' && to === 'api') return 'a feature imports the API composition';
  return null;
}

describe('layers point one way', () => {
  it('keeps src/graphql below the features and src/api above them', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        const reason = violation(file, match[1]!);
        if (reason !== null) found.push(`${relative(SRC, file)}: ${match[1]} (${reason})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('detects an import against the direction', () => {
    expect(violation(join(SRC, 'graphql/x.ts'), '../features/roles/roles.loaders.js')).not.toBeNull();
    expect(violation(join(SRC, 'features/roles/x.ts'), '../../api/resolvers.js')).not.toBeNull();
    expect(violation(join(SRC, 'api/x.ts'), '../features/roles/roles.resolvers.js')).toBeNull();
  });
});
