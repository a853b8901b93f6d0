import { describe, expect, it } from 'vitest';
import { resolveSourceIdentity } from './resolveSourceIdentity.js';

describe('resolveSourceIdentity', () => {
  it('sets a requested source identity and needs sts:SetSourceIdentity for it', () => {
    expect(resolveSourceIdentity('alice', null)).toEqual({
      ok: true,
      value: { sourceIdentity: 'alice', requiresSetSourceIdentity: true },
    });
    expect(resolveSourceIdentity(null, null)).toEqual({
      ok: true,
      value: { sourceIdentity: null, requiresSetSourceIdentity: false },
    });
  });

  it('carries the calling session value along a chain and allows repeating it', () => {
    expect(resolveSourceIdentity(undefined, 'alice')).toEqual({
      ok: true,
      value: { sourceIdentity: 'alice', requiresSetSourceIdentity: true },
    });
    expect(resolveSourceIdentity('alice', 'alice').ok).toBe(true);
  });

  it('refuses to change it mid-chain', () => {
    expect(resolveSourceIdentity('mallory', 'alice')).toMatchObject({
      ok: false,
      error: { code: 'ValidationError', source: 'sourceIdentity' },
    });
  });
});
