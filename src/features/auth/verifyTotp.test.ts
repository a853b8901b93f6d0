import { describe, expect, it } from 'vitest';
import { generateTotpCode, generateTotpSeed, verifyTotp } from './verifyTotp.js';

describe('verifyTotp', () => {
  const seed = generateTotpSeed();
  const now = new Date('2026-01-01T00:00:15Z');

  it('accepts the current code and one step either side, and returns the matched step', () => {
    const step = Math.floor(now.getTime() / 30_000);
    expect(verifyTotp(seed, generateTotpCode(seed, now), null, now)).toEqual({ ok: true, counter: step });
    expect(verifyTotp(seed, generateTotpCode(seed, new Date(now.getTime() - 30_000)), null, now)).toEqual({
      ok: true,
      counter: step - 1,
    });
    expect(verifyTotp(seed, generateTotpCode(seed, new Date(now.getTime() + 30_000)), null, now)).toEqual({
      ok: true,
      counter: step + 1,
    });
  });

  it('rejects codes two steps away, malformed codes and a wrong seed', () => {
    expect(verifyTotp(seed, generateTotpCode(seed, new Date(now.getTime() - 60_000)), null, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyTotp(seed, '12345', null, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyTotp(generateTotpSeed(), generateTotpCode(seed, now), null, now).ok).toBe(false);
  });

  it('rejects reuse of the last accepted step or an earlier one', () => {
    const first = verifyTotp(seed, generateTotpCode(seed, now), null, now);
    if (!first.ok) throw new Error('expected the first use to pass');
    expect(verifyTotp(seed, generateTotpCode(seed, now), first.counter, now)).toEqual({ ok: false, reason: 'reused' });
    const earlier = generateTotpCode(seed, new Date(now.getTime() - 30_000));
    expect(verifyTotp(seed, earlier, first.counter, now)).toEqual({ ok: false, reason: 'reused' });
  });
});
