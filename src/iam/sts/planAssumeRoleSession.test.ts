import { describe, expect, it } from 'vitest';
import { planAssumeRoleSession } from './planAssumeRoleSession.js';

const request = { roleArn: 'arn:aws:iam::111122223333:role/Admin', roleSessionName: 'dev' };
const role = { maxSessionDuration: 43_200 };
const roleSession = {
  isRoleSession: true,
  sourceIdentity: 'alice',
  tags: [{ key: 'team', value: 'blue' }],
  transitiveTagKeys: ['team'],
};

describe('planAssumeRoleSession', () => {
  it('plans a plain first-hop session', () => {
    expect(planAssumeRoleSession({ ...request, durationSeconds: 7200 }, role, null)).toEqual({
      ok: true,
      value: {
        durationSeconds: 7200,
        chained: false,
        sourceIdentity: null,
        requiresSetSourceIdentity: false,
        requiresTagSession: false,
        tags: [],
        transitiveTagKeys: [],
        packedPolicySize: 0,
      },
    });
  });

  it('chains: one-hour cap, inherited source identity and transitive tags', () => {
    const refused = planAssumeRoleSession({ ...request, durationSeconds: 7200 }, role, roleSession);
    expect(refused.ok ? '' : refused.error.message).toContain('1 hour session limit');
    const plan = planAssumeRoleSession(request, role, roleSession);
    expect(plan).toMatchObject({
      ok: true,
      value: {
        chained: true,
        sourceIdentity: 'alice',
        requiresSetSourceIdentity: true,
        requiresTagSession: true,
        tags: [{ key: 'team', value: 'blue' }],
        transitiveTagKeys: ['team'],
      },
    });
  });

  it('does not treat a getSessionToken session as a chain', () => {
    const plan = planAssumeRoleSession({ ...request, durationSeconds: 7200 }, role, {
      ...roleSession,
      isRoleSession: false,
    });
    expect(plan).toMatchObject({ ok: true, value: { chained: false, sourceIdentity: null, tags: [] } });
  });

  it('returns the first failure: validation, source identity change, tag collision, packed size', () => {
    expect(planAssumeRoleSession({ ...request, roleSessionName: 'a b' }, role, null)).toMatchObject({
      ok: false,
      error: { source: 'roleSessionName' },
    });
    expect(planAssumeRoleSession({ ...request, sourceIdentity: 'bob' }, role, roleSession)).toMatchObject({
      ok: false,
      error: { source: 'sourceIdentity' },
    });
    expect(planAssumeRoleSession({ ...request, tags: [{ key: 'TEAM', value: 'x' }] }, role, roleSession)).toMatchObject(
      { ok: false, error: { source: 'tags' } },
    );
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`.padEnd(60, 'k'), value: 'v'.repeat(100) }));
    expect(planAssumeRoleSession({ ...request, tags }, role, null)).toMatchObject({
      ok: false,
      error: { code: 'PackedPolicyTooLarge' },
    });
  });
});
