/** A query-protocol request's parameters, nested: structures as objects, lists as arrays, maps as records. */
export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };

function isIndex(part: string | undefined): boolean {
  return part !== undefined && /^[1-9]\d{0,4}$/.test(part);
}

/**
 * Turns the flat parameters of AWS's query protocol (form body or query string) into nested values, as the
 * service models serialize them: `Tags.member.2.Key` → `Tags[1].Key`, `Map.entry.1.key`/`.value` → a record,
 * `A.B` → a structure. An empty list is sent as `Name=` (an empty string), which readers treat as `[]`.
 * Parameters that are not the operation's own (`Action`, `Version`, presigned `X-Amz-*`) are dropped.
 */
export function parseQueryParameters(parameters: URLSearchParams): Record<string, QueryValue> {
  const root: Record<string, QueryValue> = {};
  const maps: { holder: Record<string | number, QueryValue>; key: string | number }[] = [];
  for (const [name, value] of parameters) {
    if (name === 'Action' || name === 'Version' || name.startsWith('X-Amz-')) continue;
    const parts = name.split('.');
    const path: { key: string | number; entry: boolean }[] = [];
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] ?? '';
      if ((part === 'member' || part === 'entry') && isIndex(parts[i + 1])) {
        path.push({ key: Number(parts[i + 1]) - 1, entry: part === 'entry' });
        i += 1;
      } else {
        path.push({ key: part, entry: false });
      }
    }
    let holder = root as Record<string | number, QueryValue>;
    path.forEach((step, i) => {
      const next = path[i + 1];
      if (next === undefined) {
        holder[step.key] = value;
        return;
      }
      let child = holder[step.key];
      if (child === undefined || typeof child === 'string') {
        child = typeof next.key === 'number' ? [] : {};
        holder[step.key] = child;
        if (next.entry) maps.push({ holder, key: step.key });
      }
      holder = child as Record<string | number, QueryValue>;
    });
  }
  for (const { holder, key } of maps) {
    const entries = holder[key];
    if (!Array.isArray(entries)) continue;
    const record: Record<string, QueryValue> = {};
    for (const entry of entries) {
      if (entry !== undefined && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.key === 'string') {
        record[entry.key] = entry.value ?? '';
      }
    }
    holder[key] = record;
  }
  return root;
}
