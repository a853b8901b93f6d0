import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../iam/index.js';
import { accessDeniedMessage, denialReasonOf } from './accessDeniedMessage.js';

const base: EvaluationResult = {
  evalActionName: 'iam:CreateRole',
  evalResourceName: 'arn:aws:iam::111122223333:role/app',
  evalDecision: 'implicitDeny',
  matchedStatements: [],
  missingContextValues: [],
  allowedByOrganizations: null,
  allowedByResourceControlPolicies: null,
  allowedByPermissionsBoundary: null,
  allowedBySessionPolicy: null,
  crossAccount: false,
  evalDecisionDetails: [{ policyType: 'identity', decision: 'implicitDeny' }],
  policies: [],
  explanation: '',
};

describe('AWS AccessDenied messages', () => {
  it('uses AWS form with the reason suffix', () => {
    expect(
      accessDeniedMessage(
        'arn:aws:iam::111122223333:user/alice',
        'iam:CreateRole',
        'arn:aws:iam::111122223333:role/app',
        { kind: 'noIdentityAllow' },
      ),
    ).toBe(
      'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/app because no identity-based policy allows the iam:CreateRole action',
    );
    expect(accessDeniedMessage('A', 'iam:CreateRole', 'R', { kind: 'explicitDeny', policyType: 'scp' })).toBe(
      'User: A is not authorized to perform: iam:CreateRole on resource: R with an explicit deny in a service control policy',
    );
  });

  it('blames the policy type the engine reports', () => {
    expect(denialReasonOf(base)).toEqual({ kind: 'noIdentityAllow' });
    const deny = {
      ...base,
      evalDecision: 'explicitDeny' as const,
      matchedStatements: [
        {
          sourcePolicyId: 'x',
          sourcePolicyType: 'permissionsBoundary' as const,
          statementId: null,
          statementIndex: 0,
          effect: 'Deny' as const,
          startPosition: { line: 1, column: 1 },
          endPosition: { line: 1, column: 2 },
        },
      ],
    };
    expect(denialReasonOf(deny)).toEqual({ kind: 'explicitDeny', policyType: 'permissionsBoundary' });
    expect(denialReasonOf({ ...base, allowedByOrganizations: false })).toEqual({ kind: 'noScpAllow' });
    const allowedIdentity = [{ policyType: 'identity' as const, decision: 'allowed' as const }];
    expect(
      denialReasonOf({ ...base, evalDecisionDetails: allowedIdentity, allowedByPermissionsBoundary: false }),
    ).toEqual({ kind: 'noBoundaryAllow' });
    expect(denialReasonOf({ ...base, evalDecisionDetails: allowedIdentity, allowedBySessionPolicy: false })).toEqual({
      kind: 'noSessionAllow',
    });
    expect(denialReasonOf({ ...base, crossAccount: true })).toEqual({ kind: 'noResourceAllow' });
  });
});
