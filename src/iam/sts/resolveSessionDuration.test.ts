import { describe, expect, it } from 'vitest';
import { resolveSessionDuration } from './resolveSessionDuration.js';

describe('resolveSessionDuration', () => {
  it('defaults to one hour and allows up to the role maximum', () => {
    expect(resolveSessionDuration({ requestedSeconds: null, roleMaxSessionDuration: 3600, chained: false })).toEqual({
      ok: true,
      value: 3600,
    });
    expect(
      resolveSessionDuration({ requestedSeconds: 43_200, roleMaxSessionDuration: 43_200, chained: false }),
    ).toEqual({ ok: true, value: 43_200 });
  });

  it('refuses more than the role maximum', () => {
    const result = resolveSessionDuration({ requestedSeconds: 7200, roleMaxSessionDuration: 3600, chained: false });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        source: 'durationSeconds',
      },
    });
  });

  it('caps role chaining at one hour even when the role allows more', () => {
    expect(resolveSessionDuration({ requestedSeconds: 3600, roleMaxSessionDuration: 43_200, chained: true })).toEqual({
      ok: true,
      value: 3600,
    });
    const result = resolveSessionDuration({ requestedSeconds: 3601, roleMaxSessionDuration: 43_200, chained: true });
    expect(result.ok ? null : result.error.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  });
});
