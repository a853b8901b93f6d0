import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';
import { evaluateRequest } from './evaluateRequest.js';
import { policyText } from './testPolicies.js';

const compiled = (text: string, kind: Parameters<typeof compilePolicy>[1], id: string): CompiledPolicy => {
  const result = compilePolicy(text, kind, id);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
};

const effect = fc.constantFrom('Allow', 'Deny');
const action = fc.constantFrom('s3:GetObject', 's3:Get*', 's3:*', 'iam:PassRole', '*', 'ec2:Describe?nstances');
const resource = fc.constantFrom(
  '*',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::bucket/${aws:username}/*',
  'arn:aws:iam::*:role/*',
);
const condition = fc.constantFrom(
  {},
  { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['a*'] } },
  { NumericLessThanIfExists: { 's3:max-keys': '10' } },
);
const statement = fc.record({ Effect: effect, Action: action, Resource: resource, Condition: condition });

describe('the explanation never changes the decision', () => {
  it('gives identical decisions and matched statements with and without explanations', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 6 }),
        fc.array(statement, { minLength: 0, maxLength: 3 }),
        fc.constantFrom('s3:GetObject', 's3:PutObject', 'iam:PassRole', 'ec2:DescribeInstances'),
        fc.constantFrom('arn:aws:s3:::bucket/alice/x', 'arn:aws:iam::111122223333:role/r', '*'),
        fc.boolean(),
        (identity, boundary, actionName, arn, tagged) => {
          const request = {
            action: actionName,
            principal: {
              arn: 'arn:aws:iam::111122223333:user/alice',
              account: '111122223333',
              type: 'User' as const,
              username: 'alice',
              tags: tagged ? { team: 'red' } : null,
            },
            resource: { arn, account: null, kind: 'other' as const },
            identityPolicies: [compiled(policyText(...identity), 'identity', 'I')],
            permissionsBoundary:
              boundary.length === 0 ? null : compiled(policyText(...boundary), 'permissionsBoundary', 'B'),
            sessionPolicies: null,
            scpLevels: [],
            rcpLevels: [],
            resourcePolicy: null,
          };
          const full = evaluateRequest(request);
          const fast = evaluateRequest(request, { explain: false });
          expect(fast.evalDecision).toBe(full.evalDecision);
          expect(fast.matchedStatements).toEqual(full.matchedStatements);
          expect(fast.missingContextValues).toEqual(full.missingContextValues);
          const denied = full.policies.some((p) =>
            p.statements.some((s) => s.outcome === 'matched' && s.effect === 'Deny'),
          );
          expect(full.evalDecision === 'explicitDeny').toBe(denied);
        },
      ),
      { numRuns: 300 },
    );
  });
});
