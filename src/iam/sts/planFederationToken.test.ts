import { describe, expect, it } from 'vitest';
import { planFederationToken } from './planFederationToken.js';

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
const ACCOUNT = '111122223333';

describe('planFederationToken', () => {
  it('names the federated user and defaults to 12 hours for a user', () => {
    const plan = planFederationToken({ name: 'bob' }, ACCOUNT, false);
    expect(plan).toMatchObject({
      ok: true,
      value: {
        arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
        federatedUserId: `${ACCOUNT}:bob`,
        durationSeconds: 43_200,
        requiresTagSession: false,
      },
    });
  });

  it('allows up to 36 hours for a user and caps the root user at one hour', () => {
    expect(planFederationToken({ name: 'bob', durationSeconds: 129_600 }, ACCOUNT, false)).toMatchObject({
      value: { durationSeconds: 129_600 },
    });
    expect(planFederationToken({ name: 'bob', durationSeconds: 7200 }, ACCOUNT, true)).toMatchObject({
      value: { durationSeconds: 3600 },
    });
    expect(planFederationToken({ name: 'bob' }, ACCOUNT, true)).toMatchObject({ value: { durationSeconds: 3600 } });
  });

  it.each([
    [
      { name: 'b' },
      "Value 'b' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    ],
    [{ name: 'x'.repeat(33) }, 'Member must have length less than or equal to 32'],
    [{ name: 'bob smith' }, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'],
    [{ name: 'bob', durationSeconds: 899 }, 'Member must have value greater than or equal to 900'],
    [{ name: 'bob', durationSeconds: 129_601 }, 'Member must have value less than or equal to 129600'],
  ])('refuses %j with ValidationError', (request, message) => {
    const plan = planFederationToken(request, ACCOUNT, false);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.error.code).toBe('ValidationError');
      expect(plan.error.message).toContain(message);
    }
  });

  it('shares AssumeRole’s limits on session policies and tags', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${ACCOUNT}:policy/p${i}`);
    expect(planFederationToken({ name: 'bob', policyArns: arns }, ACCOUNT, false)).toMatchObject({
      ok: false,
      error: { code: 'ValidationError' },
    });
    const duplicate = [
      { key: 'Team', value: 'a' },
      { key: 'team', value: 'b' },
    ];
    expect(planFederationToken({ name: 'bob', tags: duplicate }, ACCOUNT, false)).toMatchObject({
      ok: false,
      error: { message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
    });
  });

  it('needs sts:TagSession when tags are passed, and reports the packed size', () => {
    const plan = planFederationToken(
      { name: 'bob', tags: [{ key: 'Team', value: 'red' }], policy: '{"Version":"2012-10-17","Statement":[]}' },
      ACCOUNT,
      false,
    );
    expect(plan).toMatchObject({
      ok: true,
      value: { requiresTagSession: true, tags: [{ key: 'Team', value: 'red' }] },
    });
    if (plan.ok) expect(plan.value.packedPolicySize).toBeGreaterThan(0);
  });
});
