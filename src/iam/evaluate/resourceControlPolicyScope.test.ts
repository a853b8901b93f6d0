import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compilePolicy.js';
import { evaluateRequest } from './evaluateRequest.js';
import { isGovernedByResourceControlPolicies } from './resourceControlPolicyScope.js';

const account = '111122223333';
const allowAll = compilePolicy(
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  'identity',
  'All',
);
const rcp = compilePolicy(
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}',
  'rcp',
  'p-denyall',
);
if (!allowAll.ok || !rcp.ok) throw new Error('fixture policies must compile');

const decide = (action: string, isManagementAccount = false) =>
  evaluateRequest({
    action,
    principal: { arn: `arn:aws:iam::${account}:user/alice`, account, type: 'User' },
    resource: { arn: '*', account, kind: 'other', isManagementAccount },
    identityPolicies: [allowAll.policy],
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [],
    rcpLevels: [[rcp.policy]],
    resourcePolicy: null,
  }).evalDecision;

describe("where RCPs apply is the engine's decision", () => {
  it('applies RCPs to the services they govern only', () => {
    expect(isGovernedByResourceControlPolicies('s3:GetBucketPolicy')).toBe(true);
    expect(isGovernedByResourceControlPolicies('STS:AssumeRole')).toBe(true);
    expect(isGovernedByResourceControlPolicies('iam:CreateRole')).toBe(false);
    expect(isGovernedByResourceControlPolicies('dynamodb:GetItem')).toBe(true);
    expect(decide('s3:GetBucketPolicy')).toBe('explicitDeny');
    expect(decide('iam:CreateRole')).toBe('allowed');
  });

  it('applies no RCPs to resources of the management account', () => {
    expect(decide('s3:GetBucketPolicy', true)).toBe('allowed');
  });
});
