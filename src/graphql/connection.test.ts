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
    expect(page).toEqual({
      edges: [],
      nodes: [],
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('pages backward with last/before, in list order, without gaps or repeats', () => {
    const last = connectionFromSortedList(items, { last: 2 }, keyOf);
    expect(last.nodes.map((node) => node.name)).toEqual(['d', 'e']);
    expect(last.edges.map((edge) => edge.node)).toEqual(last.nodes);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const middle = connectionFromSortedList(items, { last: 2, before: last.pageInfo.startCursor }, keyOf);
    expect(middle.nodes.map((node) => node.name)).toEqual(['b', 'c']);
    expect(middle.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const start = connectionFromSortedList(items, { last: 2, before: middle.pageInfo.startCursor }, keyOf);
    expect(start.nodes.map((node) => node.name)).toEqual(['a']);
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('bounds a page by both cursors and counts the whole list', () => {
    const page = connectionFromSortedList(
      items,
      { after: encodeCursor(['a', 0]), before: encodeCursor(['e', 4]) },
      keyOf,
    );
    expect(page.nodes.map((node) => node.name)).toEqual(['b', 'c', 'd']);
    expect(page.totalCount).toBe(5);
  });

  it('rejects negative or oversized pages and cursors it did not make', () => {
    expect(() => readPageArgs({ first: -1 })).toThrow('first must be between 0 and 500; got -1');
    expect(() => readPageArgs({ first: 501 })).toThrow(/first must be between/);
    expect(() => readPageArgs({ after: 'bm9wZQ' })).toThrow('invalid cursor `bm9wZQ`');
    expect(() => readPageArgs({ after: encodeCursor([]) })).toThrow(/invalid cursor/);
    expect(() => readPageArgs({ last: 501 })).toThrow('last must be between 0 and 500; got 501');
    expect(() => readPageArgs({ first: 1, last: 1 })).toThrow('pass first or last, not both');
    expect(() => readPageArgs({ before: 'bm9wZQ' })).toThrow('invalid cursor `bm9wZQ`');
  });

  it('orders keys part by part', () => {
    expect(compareKeys(['a', 2], ['a', 10])).toBeLessThan(0);
    expect(compareKeys(['b'], ['a', 1])).toBeGreaterThan(0);
    expect(compareKeys(['a'], ['a', 1])).toBeLessThan(0);
    expect(compareKeys(['a', 1], ['a', 1])).toBe(0);
  });
});
