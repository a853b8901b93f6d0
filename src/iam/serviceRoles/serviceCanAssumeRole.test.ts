import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compilePolicy.js';
import { serviceCanAssumeRole } from './serviceCanAssumeRole.js';

const trust = (statement: Record<string, unknown>) => {
  const compiled = compilePolicy(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] }),
    'trust',
    'trust',
  );
  if (!compiled.ok) throw new Error('bad trust');
  return compiled.policy;
};
const role = { arn: 'arn:aws:iam::111122223333:role/Fn', accountId: '111122223333' };
const fn = 'arn:aws:lambda:us-east-1:111122223333:function:fn';

describe('serviceCanAssumeRole', () => {
  it('allows the service principal the trust names, and no other', () => {
    const policy = trust({ Principal: { Service: 'lambda.amazonaws.com' } });
    const decide = (servicePrincipal: string) =>
      serviceCanAssumeRole({
        servicePrincipal,
        role,
        trustPolicy: policy,
        sourceArn: fn,
        sourceAccount: '111122223333',
      }).evalDecision;
    expect(decide('lambda.amazonaws.com')).toBe('allowed');
    expect(decide('ec2.amazonaws.com')).toBe('implicitDeny');
  });

  it('passes aws:SourceAccount and aws:SourceArn so a trust can guard against the confused deputy', () => {
    const policy = trust({
      Principal: { Service: 'lambda.amazonaws.com' },
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:*:111122223333:function:fn' },
      },
    });
    const decide = (sourceArn: string, sourceAccount: string) =>
      serviceCanAssumeRole({
        servicePrincipal: 'lambda.amazonaws.com',
        role,
        trustPolicy: policy,
        sourceArn,
        sourceAccount,
      }).evalDecision;
    expect(decide(fn, '111122223333')).toBe('allowed');
    expect(decide('arn:aws:lambda:us-east-1:444455556666:function:fn', '444455556666')).toBe('implicitDeny');
  });
});
