import { describe, expect, it } from 'vitest';
import type { SimulateCustomPolicyInput } from '../simulationTypes.js';
import { simulate } from './simulate.js';
import { allow, deny, policyText } from './testPolicies.js';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const ROLE = 'arn:aws:iam::111122223333:role/ops/Admin';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/Admin/s1';
const BUCKET = 'arn:aws:s3:::bucket/key';

const run = (input: Partial<SimulateCustomPolicyInput>) => {
  const outcome = simulate({
    policyInputList: [],
    actionNames: ['s3:GetObject'],
    resourceArns: [BUCKET],
    callerArn: ALICE,
    ...input,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result.evaluationResults[0]!;
};
const decide = (input: Partial<SimulateCustomPolicyInput>) => run(input).evalDecision;

describe('identity policies', () => {
  it('an Allow grants, nothing is an implicit deny, a Deny overrides an Allow', () => {
    expect(decide({ policyInputList: [policyText(allow('s3:*'))] })).toBe('allowed');
    expect(decide({ policyInputList: [] })).toBe('implicitDeny');
    expect(decide({ policyInputList: [policyText(allow('s3:*')), policyText(deny('s3:GetObject'))] })).toBe(
      'explicitDeny',
    );
  });
  it('NotAction and NotResource invert their element', () => {
    expect(decide({ policyInputList: [policyText({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] })).toBe(
      'allowed',
    );
    expect(
      decide({ policyInputList: [policyText({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::bucket/*' })] }),
    ).toBe('implicitDeny');
  });
  it('sts:GetCallerIdentity is allowed even under an explicit deny', () => {
    const result = run({
      actionNames: ['sts:GetCallerIdentity'],
      resourceArns: ['*'],
      policyInputList: [policyText(deny('*'))],
    });
    expect(result.evalDecision).toBe('allowed');
  });
});

describe('permissions boundaries and session policies', () => {
  it('the boundary and the session policy must also allow', () => {
    const identity = [policyText(allow('s3:*'))];
    expect(
      decide({ policyInputList: identity, permissionsBoundaryPolicyInputList: [policyText(allow('ec2:*'))] }),
    ).toBe('implicitDeny');
    expect(
      decide({ policyInputList: identity, permissionsBoundaryPolicyInputList: [policyText(allow('s3:Get*'))] }),
    ).toBe('allowed');
    expect(
      decide({ policyInputList: identity, callerArn: SESSION, sessionPolicy: policyText(allow('s3:List*')) }),
    ).toBe('implicitDeny');
    const result = run({
      policyInputList: identity,
      callerArn: SESSION,
      sessionPolicy: policyText(allow('s3:GetObject')),
    });
    expect([result.evalDecision, result.allowedBySessionPolicy]).toEqual(['allowed', true]);
  });
  it('a Deny in the boundary is an explicit deny', () => {
    expect(
      decide({
        policyInputList: [policyText(allow('s3:*'))],
        permissionsBoundaryPolicyInputList: [policyText(allow('*'), deny('s3:GetObject'))],
      }),
    ).toBe('explicitDeny');
  });
});

describe('organizations', () => {
  const identity = [policyText(allow('s3:*'))];
  it('every SCP level must allow', () => {
    const full = policyText(allow('*'));
    const result = run({
      policyInputList: identity,
      organizationPolicyInputList: [[full], [policyText(allow('ec2:*'))], [full]],
    });
    expect([result.evalDecision, result.allowedByOrganizations]).toEqual(['implicitDeny', false]);
    expect(result.explanation).toBe('denied: no service control policy at organization level 2 allows `s3:GetObject`');
    expect(decide({ policyInputList: identity, organizationPolicyInputList: [[full], [full]] })).toBe('allowed');
  });
  it('an SCP Deny is an explicit deny, and SCPs never grant on their own', () => {
    expect(
      decide({ policyInputList: identity, organizationPolicyInputList: [[policyText(allow('*'), deny('s3:*'))]] }),
    ).toBe('explicitDeny');
    expect(decide({ policyInputList: [], organizationPolicyInputList: [[policyText(allow('*'))]] })).toBe(
      'implicitDeny',
    );
  });
  it('RCPs only deny; RCPFullAWSAccess is implied', () => {
    const rcp = policyText({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
    });
    const result = run({ policyInputList: identity, resourceControlPolicyInputList: [[rcp]] });
    expect([result.evalDecision, result.allowedByResourceControlPolicies]).toEqual(['explicitDeny', false]);
    const inOrg = run({
      policyInputList: identity,
      resourceControlPolicyInputList: [[rcp]],
      contextEntries: [{ key: 'aws:PrincipalOrgID', values: ['o-abc'] }],
    });
    expect([inOrg.evalDecision, inOrg.allowedByResourceControlPolicies]).toEqual(['allowed', true]);
  });
});

describe('resource policies in the same account', () => {
  const grantTo = (principal: object) => policyText(allow('s3:GetObject', BUCKET, { Principal: principal }));
  it('naming the user suffices alone, even past a boundary that does not allow', () => {
    const result = run({
      resourcePolicy: grantTo({ AWS: ALICE }),
      permissionsBoundaryPolicyInputList: [policyText(allow('ec2:*'))],
    });
    expect(result.evalDecision).toBe('allowed');
    expect(result.matchedStatements.map((s) => s.sourcePolicyId)).toEqual(['ResourcePolicy']);
  });
  it('naming the role ARN reaches its sessions but stays within the boundary and session policy', () => {
    expect(decide({ callerArn: SESSION, resourcePolicy: grantTo({ AWS: ROLE }) })).toBe('allowed');
    expect(
      decide({ callerArn: SESSION, resourcePolicy: grantTo({ AWS: ROLE }), sessionPolicy: policyText(allow('ec2:*')) }),
    ).toBe('implicitDeny');
    expect(
      decide({
        callerArn: SESSION,
        resourcePolicy: grantTo({ AWS: SESSION }),
        sessionPolicy: policyText(allow('ec2:*')),
      }),
    ).toBe('allowed');
  });
  it('naming the account delegates to the identity policies', () => {
    expect(decide({ resourcePolicy: grantTo({ AWS: '111122223333' }) })).toBe('implicitDeny');
    expect(
      decide({
        resourcePolicy: grantTo({ AWS: 'arn:aws:iam::111122223333:root' }),
        policyInputList: [policyText(allow('s3:*'))],
      }),
    ).toBe('allowed');
  });
  it('a Deny in the resource policy overrides identity Allows', () => {
    const resourcePolicy = policyText({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
    expect(decide({ resourcePolicy, policyInputList: [policyText(allow('s3:*'))] })).toBe('explicitDeny');
  });
});

describe('NotPrincipal', () => {
  const denyOthers = (names: string[]) =>
    policyText({ Effect: 'Deny', NotPrincipal: { AWS: names }, Action: 's3:*', Resource: '*' });
  const identity = [policyText(allow('s3:*'))];
  it('denies everyone not listed, and lists need the account as AWS documents', () => {
    expect(decide({ policyInputList: identity, resourcePolicy: denyOthers([ALICE, '111122223333']) })).toBe('allowed');
    expect(decide({ policyInputList: identity, resourcePolicy: denyOthers([ALICE]) })).toBe('explicitDeny');
    expect(
      decide({
        policyInputList: identity,
        callerArn: 'arn:aws:iam::111122223333:user/bob',
        resourcePolicy: denyOthers([ALICE, '111122223333']),
      }),
    ).toBe('explicitDeny');
  });
  it('never excludes a principal with a permissions boundary', () => {
    const boundary = [policyText(allow('s3:*'))];
    expect(
      decide({
        policyInputList: identity,
        permissionsBoundaryPolicyInputList: boundary,
        resourcePolicy: denyOthers([ALICE, '111122223333']),
      }),
    ).toBe('explicitDeny');
  });
});

describe('cross-account access', () => {
  const resourcePolicy = policyText(allow('s3:GetObject', BUCKET, { Principal: { AWS: '111122223333' } }));
  it('needs both the resource policy and the identity policies', () => {
    const identity = [policyText(allow('s3:*'))];
    const both = run({ resourceOwner: '444455556666', resourcePolicy, policyInputList: identity });
    expect([both.evalDecision, both.crossAccount]).toEqual(['allowed', true]);
    expect(decide({ resourceOwner: '444455556666', policyInputList: identity })).toBe('implicitDeny');
    expect(decide({ resourceOwner: 'arn:aws:iam::444455556666:root', resourcePolicy })).toBe('implicitDeny');
  });
});

describe('trust and key policies must allow explicitly', () => {
  const assume = { actionNames: ['sts:AssumeRole'], resourceArns: [ROLE] };
  const trust = (principal: object) => policyText({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
  it('an identity Allow alone cannot assume a role', () => {
    expect(decide({ ...assume, policyInputList: [policyText(allow('sts:AssumeRole'))] })).toBe('implicitDeny');
  });
  it('a trust policy naming the caller suffices in the same account; naming the account needs identity too', () => {
    expect(decide({ ...assume, resourcePolicy: trust({ AWS: ALICE }) })).toBe('allowed');
    expect(decide({ ...assume, resourcePolicy: trust({ AWS: '111122223333' }) })).toBe('implicitDeny');
    expect(
      decide({
        ...assume,
        resourcePolicy: trust({ AWS: '111122223333' }),
        policyInputList: [policyText(allow('sts:AssumeRole'))],
      }),
    ).toBe('allowed');
  });
  it('reads the resource policy as a trust policy when only assume-role actions are simulated', () => {
    expect(
      decide({ actionNames: ['sts:AssumeRole'], resourceArns: ['*'], resourcePolicy: trust({ AWS: ALICE }) }),
    ).toBe('allowed');
    expect(
      decide({
        actionNames: ['sts:AssumeRole'],
        resourceArns: ['*'],
        policyInputList: [policyText(allow('sts:AssumeRole'))],
      }),
    ).toBe('implicitDeny');
  });
  it('cross-account assumption needs both sides', () => {
    const caller = 'arn:aws:iam::444455556666:user/bob';
    expect(
      decide({ ...assume, callerArn: caller, resourceOwner: '111122223333', resourcePolicy: trust({ AWS: caller }) }),
    ).toBe('implicitDeny');
    expect(
      decide({
        ...assume,
        callerArn: caller,
        resourceOwner: '111122223333',
        resourcePolicy: trust({ AWS: caller }),
        policyInputList: [policyText(allow('sts:AssumeRole'))],
      }),
    ).toBe('allowed');
  });
  it('a KMS key policy must allow, even for identity Allows', () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234';
    const identity = [policyText(allow('kms:*'))];
    expect(decide({ actionNames: ['kms:Decrypt'], resourceArns: [key], policyInputList: identity })).toBe(
      'implicitDeny',
    );
    const keyPolicy = policyText({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(
      decide({
        actionNames: ['kms:Decrypt'],
        resourceArns: [key],
        policyInputList: identity,
        resourcePolicy: keyPolicy,
      }),
    ).toBe('allowed');
  });
  it('service principals are allowed by naming them', () => {
    const result = run({
      ...assume,
      callerArn: 'lambda.amazonaws.com',
      resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }),
    });
    expect(result.evalDecision).toBe('allowed');
  });
});
