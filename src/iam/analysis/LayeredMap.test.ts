import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap } from './LayeredMap.js';

describe('LayeredMap', () => {
  it('behaves as a plain map through any sequence of changes, and leaves earlier versions unchanged', () => {
    const change = fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.option(fc.integer(), { nil: undefined })), {
      maxLength: 1500,
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        let layered = LayeredMap.of<number, number>();
        let plain = new Map<number, number>();
        for (const batch of changes) {
          const before = layered;
          const beforeEntries = [...before.entries()];
          const next = new Map(plain);
          for (const [key, value] of batch) {
            if (value === undefined) next.delete(key);
            else next.set(key, value);
          }
          layered = layered.with(new Map(batch));
          plain = next;
          expect(new Map(layered)).toEqual(plain);
          expect(layered.size).toBe(plain.size);
          for (const [key] of batch)
            expect([layered.has(key), layered.get(key)]).toEqual([plain.has(key), plain.get(key)]);
          expect([...before.entries()]).toEqual(beforeEntries);
        }
      }),
      { numRuns: 60 },
    );
  });
});
