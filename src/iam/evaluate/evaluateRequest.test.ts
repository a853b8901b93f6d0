import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';
import type { EngineRequest } from './EngineRequest.js';
import { evaluateRequest } from './evaluateRequest.js';
import { allow, policyText } from './testPolicies.js';

const compiled = (text: string, kind: Parameters<typeof compilePolicy>[1] = 'identity'): CompiledPolicy => {
  const result = compilePolicy(text, kind, 'P');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
};

const request = (identity: string, overrides: Partial<EngineRequest> = {}): EngineRequest => ({
  action: 's3:GetObject',
  principal: {
    arn: 'arn:aws:sts::111122223333:assumed-role/Admin/s1',
    account: '111122223333',
    type: 'AssumedRole',
    roleArn: 'arn:aws:iam::111122223333:role/ops/Admin',
    userId: 'AROAEXAMPLEEXAMPLE1:s1',
    tags: { Team: 'red' },
    sourceIdentity: 'alice',
    mfaPresent: true,
    tokenIssueTime: new Date('2026-01-01T00:00:00Z'),
  },
  resource: { arn: 'arn:aws:s3:::bucket/key', account: null, kind: 'other', tags: { Stage: 'prod' } },
  identityPolicies: [compiled(identity)],
  permissionsBoundary: null,
  sessionPolicies: null,
  scpLevels: [],
  rcpLevels: [],
  resourcePolicy: null,
  now: new Date('2026-01-01T01:00:00Z'),
  ...overrides,
});
const when = (condition: object) => policyText(allow('s3:GetObject', '*', { Condition: condition }));

describe('request context auto-fill', () => {
  it.each([
    [{ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops/Admin' } }],
    [{ StringEquals: { 'aws:PrincipalAccount': '111122223333', 'aws:PrincipalType': 'AssumedRole' } }],
    [{ StringEquals: { 'aws:userid': 'AROAEXAMPLEEXAMPLE1:s1', 'aws:SourceIdentity': 'alice' } }],
    [{ StringEquals: { 'aws:PrincipalTag/TEAM': 'red', 'aws:ResourceTag/stage': 'prod' } }],
    [{ StringEquals: { 'aws:ResourceAccount': '111122223333' } }],
    [{ Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3601' } }],
    [
      {
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:30:00Z' },
        NumericEquals: { 'aws:EpochTime': '1767229200' },
      },
    ],
    [{ DateLessThan: { 'aws:TokenIssueTime': '2026-01-01T00:00:01Z' } }],
  ])('derives %j from the principal, resource and time', (condition) => {
    expect(evaluateRequest(request(when(condition))).evalDecision).toBe('allowed');
  });
  it('lets caller-supplied values win over derived ones', () => {
    const context = new Map([['aws:principaltag/team', { type: 'string' as const, values: ['blue'] }]]);
    expect(
      evaluateRequest(request(when({ StringEquals: { 'aws:PrincipalTag/Team': 'blue' } }), { context })).evalDecision,
    ).toBe('allowed');
  });
  it('reports keys nobody supplied, and explains which condition failed', () => {
    const result = evaluateRequest(
      request(when({ StringEquals: { 'aws:SourceVpc': 'vpc-1' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })),
    );
    expect(result.evalDecision).toBe('implicitDeny');
    expect(result.missingContextValues).toEqual(['aws:SourceVpc', 'aws:SourceIp']);
    expect(result.explanation).toBe(
      'denied: no statement in the identity policies allows `s3:GetObject` (missing context keys: `aws:SourceVpc`, `aws:SourceIp`)',
    );
    expect(result.policies[0]?.statements[0]).toEqual({
      statementIndex: 0,
      statementId: null,
      effect: 'Allow',
      outcome: 'conditionNotMatched',
      failedCondition: { operator: 'StringEquals', key: 'aws:SourceVpc', missingKey: true },
    });
  });
  it('a policy variable whose key is missing makes the statement not match', () => {
    const text = policyText(allow('s3:GetObject', 'arn:aws:s3:::bucket/${aws:username}'));
    const result = evaluateRequest(request(text));
    expect([result.evalDecision, result.missingContextValues]).toEqual(['implicitDeny', ['aws:username']]);
    expect(result.policies[0]?.statements[0]?.outcome).toBe('resourceNotMatched');
  });
});

describe('evaluateRequest options', () => {
  it('gives the same decision without the per-statement explanation', () => {
    const text = policyText(allow('s3:Get*'), {
      Effect: 'Deny',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const full = evaluateRequest(request(text));
    const fast = evaluateRequest(request(text), { explain: false });
    expect(fast.evalDecision).toBe(full.evalDecision);
    expect(fast.matchedStatements).toEqual(full.matchedStatements);
    expect(fast.policies).toEqual([]);
    expect(full.policies[0]?.statements.map((s) => s.outcome)).toEqual(['matched', 'conditionNotMatched']);
  });
  it('exempts the management account from SCPs', () => {
    const scp = compiled(policyText(allow('ec2:*')), 'scp');
    const base = request(policyText(allow('s3:*')), { scpLevels: [[scp]] });
    expect(evaluateRequest(base).evalDecision).toBe('implicitDeny');
    expect(evaluateRequest({ ...base, principal: { ...base.principal, isManagementAccount: true } }).evalDecision).toBe(
      'allowed',
    );
  });
  it('lets an account root act in its own account without identity policies', () => {
    const base = request(policyText(allow('ec2:*')));
    const root = { arn: 'arn:aws:iam::111122223333:root', account: '111122223333', type: 'Account' as const };
    expect(evaluateRequest({ ...base, principal: root }).evalDecision).toBe('allowed');
  });
});

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html and API_AssumeRole.html
describe('what temporary credentials may call', () => {
  const admin = policyText(allow('*'));
  const user = (mfaPresent: boolean): EngineRequest['principal'] => ({
    arn: 'arn:aws:iam::111122223333:user/alice',
    account: '111122223333',
    type: 'User',
    username: 'alice',
    mfaPresent,
    tokenIssueTime: new Date('2026-01-01T00:00:00Z'),
  });
  it('denies IAM to GetSessionToken credentials without MFA, whatever the policies allow', () => {
    const result = evaluateRequest(request(admin, { action: 'iam:ListUsers', principal: user(false) }));
    expect(result.evalDecision).toBe('implicitDeny');
    expect(result.explanation).toMatch(/GetSessionToken without MFA/);
    expect(evaluateRequest(request(admin, { action: 'iam:ListUsers', principal: user(true) })).evalDecision).toBe(
      'allowed',
    );
    expect(evaluateRequest(request(admin, { action: 's3:GetObject', principal: user(false) })).evalDecision).toBe(
      'allowed',
    );
    expect(evaluateRequest(request(admin, { action: 'sts:GetSessionToken', principal: user(true) })).evalDecision).toBe(
      'implicitDeny',
    );
  });
  it('denies GetSessionToken to role sessions, and leaves long-term credentials alone', () => {
    expect(evaluateRequest(request(admin, { action: 'sts:GetSessionToken' })).evalDecision).toBe('implicitDeny');
    expect(evaluateRequest(request(admin, { action: 'iam:ListUsers' })).evalDecision).toBe('allowed');
    const longTerm = { ...user(false), tokenIssueTime: null };
    expect(evaluateRequest(request(admin, { action: 'iam:ListUsers', principal: longTerm })).evalDecision).toBe(
      'allowed',
    );
  });
});
