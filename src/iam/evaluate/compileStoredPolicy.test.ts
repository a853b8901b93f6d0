import { describe, expect, it } from 'vitest';
import { POLICY_KIND_RULES } from '../policy/policyKindRules.js';
import type { PolicyKind } from '../policy/Policy.js';
import { compileStoredPolicy, INVALID_STORED_POLICY_SID } from './compileStoredPolicy.js';
import { evaluateRequest } from './evaluateRequest.js';

const principal = { arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333', type: 'User' as const };
const resource = { arn: 'arn:aws:s3:::bucket', account: '111122223333', kind: 'other' as const };
const allowAll = compileStoredPolicy(
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  'identity',
  'arn:aws:iam::111122223333:policy/All',
);

describe('an invalid stored policy fails closed', () => {
  it('compiles a valid policy as it is', () => {
    expect(allowAll.statements).toHaveLength(1);
    expect(allowAll.statements[0]!.effect).toBe('Allow');
  });

  it('stands in a Deny of everything for every kind, and the explanation names the policy', () => {
    for (const kind of Object.keys(POLICY_KIND_RULES) as PolicyKind[]) {
      const policy = compileStoredPolicy('{"Statement": [', kind, 'arn:aws:iam::111122223333:policy/Broken');
      expect(policy.statements.map((s) => [s.sid, s.effect])).toEqual([[INVALID_STORED_POLICY_SID, 'Deny']]);
    }
    const broken = compileStoredPolicy('{"Statement": [', 'identity', 'arn:aws:iam::111122223333:policy/Broken');
    const result = evaluateRequest({
      action: 's3:GetObject',
      principal,
      resource,
      identityPolicies: [allowAll, broken],
      permissionsBoundary: null,
      sessionPolicies: null,
      scpLevels: [],
      rcpLevels: [],
      resourcePolicy: null,
    });
    expect(result.evalDecision).toBe('explicitDeny');
    expect(result.explanation).toContain('arn:aws:iam::111122223333:policy/Broken');
    expect(result.explanation).toContain(INVALID_STORED_POLICY_SID);
  });
});
