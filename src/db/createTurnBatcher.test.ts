import { describe, expect, it } from 'vitest';
import { createTurnBatcher } from './createTurnBatcher.js';

describe('createTurnBatcher', () => {
  it('writes the calls of one turn together, and later calls in a write of their own', async () => {
    const writes: number[][] = [];
    const write = createTurnBatcher(async (_client: object, rows: readonly number[]) => void writes.push([...rows]));
    const client = {};
    await Promise.all([write(client, [1]), write(client, [2, 3])]);
    await write(client, [4]);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('fails only the call whose rows the write refuses, by writing each call alone after a failed shared write', async () => {
    // Given a writer that refuses any write containing row 0
    const writes: number[][] = [];
    const write = createTurnBatcher(async (_client: object, rows: readonly number[]) => {
      writes.push([...rows]);
      if (rows.includes(0)) throw new Error('refused');
    });
    const client = {};

    // When a good and a bad call share a turn
    const [good, bad] = await Promise.allSettled([write(client, [1]), write(client, [0])]);

    // Then the good one is written and resolves, the bad one rejects with its own error
    expect(good.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(writes).toEqual([[1, 0], [1], [0]]);
  });
});
