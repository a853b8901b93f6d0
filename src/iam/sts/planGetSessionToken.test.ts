import { describe, expect, it } from 'vitest';
import { planGetSessionToken } from './planGetSessionToken.js';

describe('planGetSessionToken', () => {
  it('defaults to 12 hours for users and one hour for root, capping root silently', () => {
    expect(planGetSessionToken({}, false)).toEqual({ ok: true, value: 43_200 });
    expect(planGetSessionToken({}, true)).toEqual({ ok: true, value: 3600 });
    expect(planGetSessionToken({ durationSeconds: 7200 }, true)).toEqual({ ok: true, value: 3600 });
    expect(planGetSessionToken({ durationSeconds: 129_600 }, false)).toEqual({ ok: true, value: 129_600 });
  });

  it("reports bad parameters with AWS's messages", () => {
    const result = planGetSessionToken({ durationSeconds: 129_601 }, false);
    expect(result.ok ? '' : result.error.message).toBe(
      "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600",
    );
    expect(
      planGetSessionToken({ serialNumber: 'arn:aws:iam::111122223333:mfa/a', tokenCode: '12a456' }, false),
    ).toMatchObject({ ok: false, error: { source: 'tokenCode' } });
    expect(planGetSessionToken({ serialNumber: 'arn:aws:iam::111122223333:mfa/a' }, false)).toMatchObject({
      ok: false,
      error: { message: 'SerialNumber and TokenCode must be specified together.' },
    });
  });
});
