import { describe, expect, it } from 'vitest';
import { createEventQueue } from './createEventQueue.js';

describe('createEventQueue', () => {
  it('delivers pushed values in order, whether pushed before or after they are awaited', async () => {
    const queue = createEventQueue<number>(() => undefined);
    queue.push(1);
    expect(await queue.next()).toEqual({ value: 1, done: false });
    const waiting = queue.next();
    queue.push(2);
    queue.push(3);
    expect(await waiting).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: 3, done: false });
  });

  it('releases its listeners once when the consumer returns, and ends waiting readers', async () => {
    let closed = 0;
    const queue = createEventQueue<number>(() => (closed += 1));
    const waiting = queue.next();
    await queue.return!();
    await queue.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    queue.push(3);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
