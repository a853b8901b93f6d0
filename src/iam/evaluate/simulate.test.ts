import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';
import { allow, policyText } from './testPolicies.js';

describe('simulate input faults', () => {
  it('reports malformed policies with their source and position, never throwing', () => {
    const outcome = simulate({
      policyInputList: [policyText(allow('s3:*')), '{"Version": "2012-10-17", "Statement": ['],
      actionNames: ['s3:GetObject'],
    });
    expect(outcome).toMatchObject({
      ok: false,
      errors: [{ code: 'MalformedPolicyDocument', source: 'PolicyInputList.2', position: { line: 1, column: 40 } }],
    });
  });
  it('reports bad ARNs, actions, owners and context values', () => {
    const outcome = simulate({
      policyInputList: [],
      actionNames: ['GetObject'],
      resourceArns: ['bucket'],
      callerArn: 'alice',
      resourceOwner: '12',
      contextEntries: [
        { key: 's3:max-keys', values: ['ten'] },
        { key: 'aws:username', values: ['a', 'b'], type: 'string' },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.code, e.source])).toEqual([
      ['ValidationError', 'resourceOwner'],
      ['ValidationError', 'callerArn'],
      ['ValidationError', 'actionNames.0'],
      ['ValidationError', 'resourceArns.0'],
      ['ValidationError', 'contextEntries.0'],
      ['ValidationError', 'contextEntries.1'],
    ]);
    expect(outcome.errors[4]?.message).toBe('context value `ten` for `s3:max-keys` is not a valid `numeric`');
  });
  it('rejects unknown condition operators', () => {
    const text = policyText(allow('s3:*', '*', { Condition: { StringEqualz: { 'aws:username': 'a' } } }));
    expect(simulate({ policyInputList: [text], actionNames: ['s3:GetObject'] })).toMatchObject({
      ok: false,
      errors: [{ message: 'invalid condition type `StringEqualz`', source: 'PolicyInputList.1' }],
    });
  });
});

describe('simulate results', () => {
  it('answers every (action, resource) pair, actions outermost, defaulting resources to *', () => {
    const outcome = simulate({
      policyInputList: [policyText(allow('s3:Get*'))],
      actionNames: ['s3:GetObject', 's3:PutObject'],
      resourceArns: ['arn:aws:s3:::a/1', 'arn:aws:s3:::a/2'],
    });
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.result.evaluationResults.map((r) => [r.evalActionName, r.evalResourceName, r.evalDecision])).toEqual(
      [
        ['s3:GetObject', 'arn:aws:s3:::a/1', 'allowed'],
        ['s3:GetObject', 'arn:aws:s3:::a/2', 'allowed'],
        ['s3:PutObject', 'arn:aws:s3:::a/1', 'implicitDeny'],
        ['s3:PutObject', 'arn:aws:s3:::a/2', 'implicitDeny'],
      ],
    );
    const star = simulate({ policyInputList: [policyText(allow('s3:Get*'))], actionNames: ['s3:GetObject'] });
    expect(star.ok && star.result.evaluationResults[0]?.evalResourceName).toBe('*');
  });
  it('infers context key types and reads typed values', () => {
    const text = policyText(
      allow('s3:ListBucket', '*', {
        Condition: { NumericLessThanEquals: { 's3:max-keys': '10' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      }),
    );
    const outcome = simulate({
      policyInputList: [text],
      actionNames: ['s3:ListBucket'],
      contextEntries: [
        { key: 's3:max-keys', values: ['5'] },
        { key: 'aws:SourceIp', values: ['203.0.113.7'] },
      ],
    });
    expect(outcome.ok && outcome.result.evaluationResults[0]?.evalDecision).toBe('allowed');
  });
  it('uses the simulated time for aws:CurrentTime', () => {
    const text = policyText(
      allow('s3:*', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } }),
    );
    const input = { policyInputList: [text], actionNames: ['s3:GetObject'] };
    expect(simulate(input, { now: new Date('2029-12-31T00:00:00Z') })).toMatchObject({
      ok: true,
      result: { evaluationResults: [{ evalDecision: 'allowed' }] },
    });
    expect(simulate(input, { now: new Date('2030-06-01T00:00:00Z') })).toMatchObject({
      ok: true,
      result: { evaluationResults: [{ evalDecision: 'implicitDeny' }] },
    });
  });
});

describe('simulate caches', () => {
  it('answers each distinct caller, owner, ARN and context on its own, however the calls repeat', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/${aws:username}/*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    });
    const ask = (callerArn: string, resource: string, ip: string, resourceOwner?: string) => {
      const outcome = simulate({
        policyInputList: [policy],
        actionNames: ['s3:GetObject'],
        resourceArns: [resource],
        callerArn,
        resourceOwner,
        contextEntries: [{ key: 'aws:SourceIp', values: [ip], type: 'ip' }],
      });
      return outcome.ok ? outcome.result.evaluationResults[0]!.evalDecision : 'invalid';
    };
    const alice = 'arn:aws:iam::111122223333:user/alice';
    const bob = 'arn:aws:iam::111122223333:user/bob';
    for (let round = 0; round < 3; round++) {
      expect(ask(alice, 'arn:aws:s3:::b/alice/x', '10.1.1.1')).toBe('allowed');
      expect(ask(alice, 'arn:aws:s3:::b/alice/x', '192.0.2.1')).toBe('implicitDeny');
      expect(ask(bob, 'arn:aws:s3:::b/alice/x', '10.1.1.1')).toBe('implicitDeny');
      expect(ask(bob, 'arn:aws:s3:::b/bob/x', '10.1.1.1')).toBe('allowed');
      expect(ask(alice, 'not-an-arn', '10.1.1.1')).toBe('invalid');
      expect(ask('111122223333 arn:aws:iam::111122223333:user/alice', 'arn:aws:s3:::b/alice/x', '10.1.1.1')).toBe(
        'invalid',
      );
      expect(ask(alice, 'arn:aws:s3:::b/alice/x', '10.1.1.1', '111122223333')).toBe('allowed');
    }
  });
});
