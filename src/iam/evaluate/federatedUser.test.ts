import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compilePolicy.js';
import type { EngineRequest } from './EngineRequest.js';
import { evaluateRequest } from './evaluateRequest.js';
import { allow, policyText } from './testPolicies.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html and
// the "Session policies" section of https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html.

const ACCOUNT = '111122223333';
const BROKER = `arn:aws:iam::${ACCOUNT}:user/broker`;
const FEDERATED = `arn:aws:sts::${ACCOUNT}:federated-user/bob`;
const OBJECT = 'arn:aws:s3:::reports/2026.csv';

const compiled = (text: string, kind: Parameters<typeof compilePolicy>[1]): CompiledPolicy => {
  const result = compilePolicy(text, kind, kind);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
};
const readAll = policyText(allow(['s3:GetObject', 'iam:ListUsers', 'sts:AssumeRole'], '*'));
const bucketPolicy = (principal: string) =>
  compiled(policyText(allow('s3:GetObject', 'arn:aws:s3:::reports/*', { Principal: { AWS: principal } })), 'resource');

const federated = (overrides: Partial<EngineRequest> = {}, federatingUserArn = BROKER): EngineRequest => ({
  action: 's3:GetObject',
  principal: {
    arn: FEDERATED,
    account: ACCOUNT,
    type: 'FederatedUser',
    federatingUserArn,
    userId: `${ACCOUNT}:bob`,
    tokenIssueTime: new Date('2026-01-01T00:00:00Z'),
  },
  resource: { arn: OBJECT, account: null, kind: 'other' },
  identityPolicies: [compiled(readAll, 'identity')],
  permissionsBoundary: null,
  sessionPolicies: [],
  scpLevels: [],
  rcpLevels: [],
  resourcePolicy: null,
  now: new Date('2026-01-01T01:00:00Z'),
  ...overrides,
});
const decide = (request: EngineRequest) => evaluateRequest(request).evalDecision;
const sessionAllowing = (action: string) => [compiled(policyText(allow(action, '*')), 'session')];

describe('a federated user (GetFederationToken)', () => {
  it('has the intersection of its user policies and session policy', () => {
    expect(decide(federated({ sessionPolicies: sessionAllowing('s3:GetObject') }))).toBe('allowed');
    expect(decide(federated({ sessionPolicies: sessionAllowing('s3:PutObject'), action: 's3:PutObject' }))).toBe(
      'implicitDeny',
    );
  });

  it('has no permissions without a session policy', () => {
    const result = evaluateRequest(federated());
    expect(result.evalDecision).toBe('implicitDeny');
    expect(result.allowedBySessionPolicy).toBe(false);
  });

  it('is granted by a resource policy naming the federated user, whatever the session policy', () => {
    expect(decide(federated({ identityPolicies: [], resourcePolicy: bucketPolicy(FEDERATED) }))).toBe('allowed');
  });

  it('is granted by a resource policy naming its user only within the session policy', () => {
    const named = { identityPolicies: [], resourcePolicy: bucketPolicy(BROKER) };
    expect(decide(federated(named))).toBe('implicitDeny');
    expect(decide(federated({ ...named, sessionPolicies: sessionAllowing('s3:GetObject') }))).toBe('allowed');
  });

  it('made by the root user has everything the session policy allows, and nothing without one', () => {
    const root = `arn:aws:iam::${ACCOUNT}:root`;
    expect(decide(federated({ identityPolicies: [], sessionPolicies: sessionAllowing('s3:*') }, root))).toBe('allowed');
    expect(decide(federated({ identityPolicies: [] }, root))).toBe('implicitDeny');
  });

  it('calls no IAM operation and, of STS, only GetCallerIdentity', () => {
    const everything = { sessionPolicies: sessionAllowing('*') };
    expect(decide(federated({ ...everything, action: 'iam:ListUsers' }))).toBe('implicitDeny');
    expect(evaluateRequest(federated({ ...everything, action: 'iam:ListUsers' })).explanation).toMatch(
      /federated user credentials/,
    );
    expect(decide(federated({ ...everything, action: 'sts:AssumeRole' }))).toBe('implicitDeny');
    expect(decide(federated({ action: 'sts:GetCallerIdentity' }))).toBe('allowed');
  });

  it('sees aws:PrincipalType FederatedUser and aws:userid ACCOUNT:NAME, and no aws:username', () => {
    const condition = policyText(
      allow('s3:GetObject', '*', {
        Condition: {
          StringEquals: { 'aws:PrincipalType': 'FederatedUser', 'aws:userid': `${ACCOUNT}:bob` },
          Null: { 'aws:username': 'true' },
        },
      }),
    );
    expect(decide(federated({ sessionPolicies: [compiled(condition, 'session')] }))).toBe('allowed');
  });
});
