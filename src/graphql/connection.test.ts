import { describe, expect, it } from 'vitest';
import { compareKeys, connectionFromSortedList, encodeCursor, readPageArgs } from './connection.js';

const items = ['a', 'b', 'c', 'd', 'e'].map((name, index) => ({ name, index }));
const keyOf = (item: { name: string; index: number }) => [item.name, item.index];

describe('cursor connections', () => {
  it('pages forward through a sorted list without gaps or repeats', () => {
    const first = connectionFromSortedList(items, { first: 2 }, keyOf);
    expect(first.edges.map((edge) => edge.node.name)).toEqual(['a', 'b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = connectionFromSortedList(items, { first: 2, after: first.pageInfo.endCursor }, keyOf);
    expect(second.edges.map((edge) => edge.node.name)).toEqual(['c', 'd']);
    const third = connectionFromSortedList(items, { first: 2, after: second.pageInfo.endCursor }, keyOf);
    expect(third.edges.map((edge) => edge.node.name)).toEqual(['e']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('continues after a cursor whose item was deleted', () => {
    const page = connectionFromSortedList(items, { after: encodeCursor(['bb', 0]) }, keyOf);
    expect(page.edges.map((edge) => edge.node.name)).toEqual(['c', 'd', 'e']);
    expect(connectionFromSortedList(items, { after: encodeCursor(['z', 0]) }, keyOf).edges).toEqual([]);
  });

  it('gives an empty page with null cursors for first: 0', () => {
    const page = connectionFromSortedList(items, { first: 0 }, keyOf);
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('rejects negative or oversized pages and cursors it did not make', () => {
    expect(() => readPageArgs({ first: -1 })).toThrow('first must be between 0 and 500; got -1');
    expect(() => readPageArgs({ first: 501 })).toThrow(/first must be between/);
    expect(() => readPageArgs({ after: 'bm9wZQ' })).toThrow('invalid cursor `bm9wZQ`');
    expect(() => readPageArgs({ after: encodeCursor([]) })).toThrow(/invalid cursor/);
  });

  it('orders keys part by part', () => {
    expect(compareKeys(['a', 2], ['a', 10])).toBeLessThan(0);
    expect(compareKeys(['b'], ['a', 1])).toBeGreaterThan(0);
    expect(compareKeys(['a'], ['a', 1])).toBeLessThan(0);
    expect(compareKeys(['a', 1], ['a', 1])).toBe(0);
  });
});
