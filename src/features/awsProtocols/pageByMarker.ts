import { connectionFromSortedList, maxPageSize, type SortKey } from '../../graphql/connection.js';
import type { OperationInput } from './OperationInput.js';
import { memberError } from './OperationInput.js';

/** A page as IAM lists answer it: the items, `IsTruncated`, and the `Marker` to continue from. */
export interface MarkerPage<T> {
  items: T[];
  IsTruncated: boolean;
  Marker: string | undefined;
}

/**
 * Pages a sorted list the way IAM does (`Marker`/`MaxItems`, default 100) — the marker is the GraphQL
 * connection's cursor, so both APIs page the same way. AWS allows MaxItems up to 1000 and documents that a page
 * may hold fewer items than asked with `IsTruncated` true; pages stop at the API's 500.
 */
export function pageByMarker<T>(
  items: readonly T[],
  input: OperationInput,
  keyOf: (item: T) => SortKey,
  names = { marker: 'Marker', size: 'MaxItems', limit: 1000, fallback: 100 },
): MarkerPage<T> {
  const size = input.optionalInteger(names.size) ?? names.fallback;
  if (size < 1 || size > names.limit)
    throw memberError(names.size, size, `Member must have value between 1 and ${names.limit}`);
  const page = connectionFromSortedList(
    items,
    { first: Math.min(size, maxPageSize), after: input.optionalString(names.marker) ?? null },
    keyOf,
  );
  return {
    items: page.edges.map((edge) => edge.node),
    IsTruncated: page.pageInfo.hasNextPage,
    Marker: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined,
  };
}

/** Pages the way Organizations does: `NextToken`/`MaxResults` (1–20, default 20). */
export function pageByNextToken<T>(
  items: readonly T[],
  input: OperationInput,
  keyOf: (item: T) => SortKey,
): { items: T[]; NextToken: string | undefined } {
  const page = pageByMarker(items, input, keyOf, { marker: 'NextToken', size: 'MaxResults', limit: 20, fallback: 20 });
  return { items: page.items, NextToken: page.Marker };
}
