import { describe, expect, it } from 'vitest';
import { groupByKeys, orderByKeys } from './orderByKeys.js';

describe('DataLoader result ordering', () => {
  it('returns one row per key in key order, null for missing keys', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(orderByKeys(['a', 'x', 'b'], rows, (row) => row.id)).toEqual([{ id: 'a' }, null, { id: 'b' }]);
  });

  it('groups rows per key in key order, keeping row order and giving empty lists for missing keys', () => {
    const rows = [
      { owner: 'b', n: 1 },
      { owner: 'a', n: 2 },
      { owner: 'b', n: 3 },
      { owner: null, n: 4 },
    ];
    expect(groupByKeys(['a', 'b', 'c'], rows, (row) => row.owner)).toEqual([
      [{ owner: 'a', n: 2 }],
      [
        { owner: 'b', n: 1 },
        { owner: 'b', n: 3 },
      ],
      [],
    ]);
  });
});
