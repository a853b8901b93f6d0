import { describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from './globalId.js';

describe('global ids', () => {
  it('round-trips a type and a key, even a key with colons', () => {
    const id = toGlobalId('Role', 'AROAEXAMPLE');
    expect(id).toBe(Buffer.from('Role:AROAEXAMPLE').toString('base64'));
    expect(fromGlobalId(id)).toEqual({ type: 'Role', key: 'AROAEXAMPLE' });
    expect(fromGlobalId(toGlobalId('ManagedPolicy', 'a:b:c'))).toEqual({ type: 'ManagedPolicy', key: 'a:b:c' });
  });

  it('answers null for ids it did not make', () => {
    expect(fromGlobalId('not base64!')).toBeNull();
    expect(fromGlobalId(Buffer.from('Widget:1').toString('base64'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Role:').toString('base64'))).toBeNull();
    expect(fromGlobalId(Buffer.from('noseparator').toString('base64'))).toBeNull();
  });
});
