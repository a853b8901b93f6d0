import { validationError } from './errors.js';

/**
 * The pagination arguments every connection field takes, Relay style: `first`/`after` pages forward,
 * `last`/`before` backward (a client that shows the newest page first, or pages back from a cursor).
 */
export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/**
 * A Relay connection page, plus `nodes` (the items without cursors) and `totalCount`. A list held in memory
 * knows its count; a page read from the database counts lazily — GraphQL's default resolver calls the
 * function only when a query selects `totalCount`, so a page costs no second statement unless asked.
 */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | (() => Promise<number>);
}

/** What every `…Connection` type of the schema resolves from (codegen maps them here). */
export type ConnectionModel = Connection<unknown>;

/** The values an item sorts by, last one unique; a cursor encodes them. */
export type SortKey = readonly (string | number)[];

/** Page size when neither `first` nor `last` is given. */
export const defaultPageSize = 50;
/** The largest page a client may ask for, so one request cannot read a whole table. */
export const maxPageSize = 500;

/**
 * A validated page request: how many items, the cursors bounding them (exclusive; null for an open end), and
 * whether they are taken from the end of that range (`last`) rather than its start.
 */
export interface PageRequest {
  size: number;
  after: SortKey | null;
  before: SortKey | null;
  backward: boolean;
}

/**
 * Validates the sizes and decodes the cursors; ValidationError for a bad size, an unreadable cursor, or
 * `first` together with `last` (Relay advises against it and its meaning is unclear).
 */
export function readPageArgs(args: PageArgs): PageRequest {
  if (args.first != null && args.last != null) throw validationError('pass first or last, not both');
  const backward = args.last != null;
  const size = (backward ? args.last : args.first) ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw validationError(`${backward ? 'last' : 'first'} must be between 0 and ${maxPageSize}; got ${size}`);
  }
  return {
    size,
    backward,
    after: args.after == null ? null : decodeCursor(args.after),
    before: args.before == null ? null : decodeCursor(args.before),
  };
}

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key as SortKey;
    }
  } catch {
    // Falls through to the error below: a cursor this API did not make.
  }
  throw validationError(`invalid cursor \`${cursor}\``);
}

/**
 * Builds a page from rows fetched as `size + 1` items in the direction of the request — from the start of
 * the range for `first`, from its end (in reverse list order) for `last`; the extra row only tells whether
 * more items lie that way.
 */
export function connectionFromRows<T>(
  rows: readonly T[],
  request: PageRequest,
  keyOf: (item: T) => SortKey,
  totalCount: Connection<T>['totalCount'],
): Connection<T> {
  const more = rows.length > request.size;
  const taken = rows.slice(0, request.size);
  const nodes = request.backward ? taken.reverse() : taken;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: request.backward ? request.before !== null : more,
      hasPreviousPage: request.backward ? more : request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Pages an in-memory list already sorted by `keyOf` (children loaded in one batch by a DataLoader): the
 * items between the cursors, the first `first` or the last `last` of them.
 */
export function connectionFromSortedList<T>(
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => SortKey,
): Connection<T> {
  const request = readPageArgs(args);
  const { after, before } = request;
  const inRange = items.filter(
    (item) =>
      (after === null || compareKeys(keyOf(item), after) > 0) &&
      (before === null || compareKeys(keyOf(item), before) < 0),
  );
  const directed = request.backward ? inRange.slice(-(request.size + 1)).reverse() : inRange.slice(0, request.size + 1);
  return connectionFromRows(directed, request, keyOf, items.length);
}

/**
 * For a list ordered ascending by one string key: the key's bounds (a Prisma `{ gt, lt }` filter) and the
 * order to read rows in, so one indexed query of `size + 1` rows serves forward and backward pages alike.
 */
export function singleKeyRange(request: PageRequest): { bounds: { gt?: string; lt?: string }; order: 'asc' | 'desc' } {
  const bounds: { gt?: string; lt?: string } = {};
  if (request.after !== null) bounds.gt = String(request.after[0]);
  if (request.before !== null) bounds.lt = String(request.before[0]);
  return { bounds, order: request.backward ? 'desc' : 'asc' };
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
