import { validationError } from './errors.js';

/** The pagination arguments every connection field takes (forward pagination, Relay style). */
export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/** A Relay connection page. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** The values an item sorts by, last one unique; a cursor encodes them. */
export type SortKey = readonly (string | number)[];

/** Page size when `first` is not given. */
export const defaultPageSize = 50;
/** The largest page a client may ask for, so one request cannot read a whole table. */
export const maxPageSize = 500;

/** A validated page request: how many items, and the sort key to start after (null from the start). */
export interface PageRequest {
  first: number;
  after: SortKey | null;
}

/** Validates `first` and decodes `after`; ValidationError for a bad size or an unreadable cursor. */
export function readPageArgs(args: PageArgs): PageRequest {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw validationError(`first must be between 0 and ${maxPageSize}; got ${first}`);
  }
  return { first, after: args.after == null ? null : decodeCursor(args.after) };
}

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.every((part) => typeof part === 'string' || typeof part === 'number')) {
      return key as SortKey;
    }
  } catch {
    // Falls through to the error below: a cursor this API did not make.
  }
  throw validationError(`invalid cursor \`${cursor}\``);
}

/**
 * Builds a page from rows fetched as `first + 1` items after the cursor (the extra row only tells
 * whether another page follows).
 */
export function connectionFromRows<T>(rows: readonly T[], request: PageRequest, keyOf: (item: T) => SortKey): Connection<T> {
  const page = rows.slice(0, request.first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Pages an in-memory list already sorted by `keyOf` (children loaded in one batch by a DataLoader):
 * the items after the cursor, `first` of them.
 */
export function connectionFromSortedList<T>(items: readonly T[], args: PageArgs, keyOf: (item: T) => SortKey): Connection<T> {
  const request = readPageArgs(args);
  const after = request.after;
  const start = after === null ? 0 : items.findIndex((item) => compareKeys(keyOf(item), after) > 0);
  const rest = start === -1 ? [] : items.slice(start);
  return connectionFromRows(rest.slice(0, request.first + 1), request, keyOf);
}

/** Orders two sort keys part by part. */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
