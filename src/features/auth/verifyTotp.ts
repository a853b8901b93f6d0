import { TOTP, Secret } from 'otpauth';

/** Digits of a virtual MFA code (AWS's virtual devices: SHA-1, 6 digits, 30 s steps). */
export const TOTP_DIGITS = 6;
/** Seconds per TOTP step. */
export const TOTP_PERIOD_SECONDS = 30;

/** The outcome of checking a code: the time step it matched (store it to refuse reuse), or why it failed. */
export type TotpCheck = { ok: true; counter: number } | { ok: false; reason: 'invalid' | 'reused' };

/** Creates a new random TOTP seed in base32, the form authenticator apps and AWS's `Base32StringSeed` use. */
export function generateTotpSeed(): string {
  return new Secret({ size: 20 }).base32;
}

function createTotp(seedBase32: string): TOTP {
  return new TOTP({
    secret: Secret.fromBase32(seedBase32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The code a device shows at `now`; tests and the explorer's helper use it to act as the device. */
export function generateTotpCode(seedBase32: string, now: Date = new Date()): string {
  return createTotp(seedBase32).generate({ timestamp: now.getTime() });
}

/**
 * Checks a 6-digit code against a seed, accepting one step either side for clock drift, and refusing a
 * code whose step is not later than `lastCounter` so a code seen once cannot be replayed.
 */
export function verifyTotp(
  seedBase32: string,
  code: string,
  lastCounter: number | null,
  now: Date = new Date(),
): TotpCheck {
  if (!/^\d{6}$/.test(code)) {
    return { ok: false, reason: 'invalid' };
  }
  const totp = createTotp(seedBase32);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) {
    return { ok: false, reason: 'invalid' };
  }
  const counter = totp.counter({ timestamp: now.getTime() }) + delta;
  if (lastCounter !== null && counter <= lastCounter) {
    return { ok: false, reason: 'reused' };
  }
  return { ok: true, counter };
}
