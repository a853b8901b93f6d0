import { describe, expect, it } from 'vitest';
import { readSessionTags } from './createCachedCredentialStore.js';

describe('readSessionTags', () => {
  it('reads the stored `[{ key, value }]` JSON and drops anything malformed', () => {
    expect(readSessionTags([{ key: 'team', value: 'blue' }, { key: 'x' }, null, 'y', { key: 1, value: 'v' }])).toEqual([
      { key: 'team', value: 'blue' },
    ]);
    expect(readSessionTags({ key: 'team', value: 'blue' })).toEqual([]);
    expect(readSessionTags(null)).toEqual([]);
  });
});
