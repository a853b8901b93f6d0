import { describe, expect, it } from 'vitest';
import { resolveCallerMfa } from './resolveCallerMfa.js';

describe('resolveCallerMfa', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  it('passes the MFA of GetSessionToken credentials on, and none from a role session or long-term keys', () => {
    expect(resolveCallerMfa({ isRoleSession: false, mfaAuthenticatedAt: at })).toBe(at);
    expect(resolveCallerMfa({ isRoleSession: true, mfaAuthenticatedAt: at })).toBeNull();
    expect(resolveCallerMfa({ isRoleSession: false, mfaAuthenticatedAt: null })).toBeNull();
    expect(resolveCallerMfa(null)).toBeNull();
  });
});
