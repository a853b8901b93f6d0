/**
 * Puts the rows a batch query returned in the order of the DataLoader's keys, null for a key with no row:
 * DataLoader requires exactly one result per key, in key order.
 */
export function orderByKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/**
 * Groups the rows of a batch query by key, in the order of the DataLoader's keys (an empty list for a key
 * with no rows); rows keep the order the query returned them in.
 */
export function groupByKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K | null): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.get(key)?.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
