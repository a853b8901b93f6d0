import { describe, expect, it } from 'vitest';
import type { DecisionResult } from './decisionQuery.js';
import { toEvaluationFlow } from './toEvaluationFlow.js';

const base: DecisionResult = {
  evalActionName: 's3:GetObject',
  evalResourceName: 'arn:aws:s3:::b/k',
  evalDecision: 'ALLOWED',
  crossAccount: false,
  allowedByOrganizations: null,
  allowedByResourceControlPolicies: null,
  allowedByPermissionsBoundary: null,
  allowedBySessionPolicy: null,
  evalDecisionDetails: [{ policyType: 'identity', decision: 'ALLOWED' }],
  matchedStatements: [],
  missingContextValues: [],
  policies: [],
  explanation: '',
};
const outcomes = (result: DecisionResult) =>
  Object.fromEntries(toEvaluationFlow(result).map((step) => [step.key, [step.outcome, step.decisive]]));

describe('toEvaluationFlow', () => {
  it('an allowed request: identity allows, nothing decisive, steps without policies not applicable', () => {
    expect(outcomes(base)).toEqual({
      explicitDeny: ['pass', false],
      scp: ['notApplicable', false],
      rcp: ['notApplicable', false],
      resource: ['notApplicable', false],
      identity: ['allow', false],
      boundary: ['notApplicable', false],
      session: ['notApplicable', false],
    });
  });

  it('an explicit deny decides at the first step, whatever the others say', () => {
    const flow = outcomes({
      ...base,
      evalDecision: 'EXPLICIT_DENY',
      allowedByOrganizations: false,
      evalDecisionDetails: [
        { policyType: 'scp', decision: 'EXPLICIT_DENY' },
        { policyType: 'identity', decision: 'ALLOWED' },
      ],
    });
    expect(flow.explicitDeny).toEqual(['deny', true]);
    expect(flow.scp).toEqual(['deny', false]);
    expect(flow.identity).toEqual(['pass', false]);
  });

  it('an SCP without an Allow decides before the identity policies', () => {
    const flow = outcomes({ ...base, evalDecision: 'IMPLICIT_DENY', allowedByOrganizations: false });
    expect(flow.scp).toEqual(['deny', true]);
    expect(flow.identity).toEqual(['allow', false]);
  });

  it('no identity Allow decides an implicit deny; across accounts a missing resource Allow does', () => {
    expect(
      outcomes({
        ...base,
        evalDecision: 'IMPLICIT_DENY',
        evalDecisionDetails: [{ policyType: 'identity', decision: 'IMPLICIT_DENY' }],
      }).identity,
    ).toEqual(['noAllow', true]);
    const cross = outcomes({
      ...base,
      evalDecision: 'IMPLICIT_DENY',
      crossAccount: true,
      evalDecisionDetails: [
        { policyType: 'identity', decision: 'ALLOWED' },
        { policyType: 'resource', decision: 'IMPLICIT_DENY' },
      ],
    });
    expect(cross.resource).toEqual(['noAllow', true]);
    expect(cross.identity).toEqual(['allow', false]);
  });
});
