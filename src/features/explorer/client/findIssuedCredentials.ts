import type { ExplorerCredentials } from './explorerCredentials.js';

/**
 * The temporary credentials an operation's result hands out (assumeRole's `credentials { accessKeyId
 * secretAccessKey sessionToken }`), found wherever they sit in `data` so aliased fields and other operations
 * that issue credentials work too. Returns the first complete set found depth-first, or null. This is what
 * lets the explorer offer "use these credentials" after an assumeRole.
 */
export function findIssuedCredentials(result: unknown): ExplorerCredentials | null {
  if (typeof result !== 'object' || result === null) return null;
  return search((result as { data?: unknown }).data, 0);
}

// Results are trees of plain JSON; the depth limit only guards against pathological nesting.
const maxDepth = 32;

function search(value: unknown, depth: number): ExplorerCredentials | null {
  if (typeof value !== 'object' || value === null || depth > maxDepth) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = search(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const { accessKeyId, secretAccessKey, sessionToken } = record;
  if (typeof accessKeyId === 'string' && typeof secretAccessKey === 'string' && typeof sessionToken === 'string') {
    return { accessKeyId, secretAccessKey, sessionToken };
  }
  for (const child of Object.values(record)) {
    const found = search(child, depth + 1);
    if (found) return found;
  }
  return null;
}
