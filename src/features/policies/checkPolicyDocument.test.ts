import { describe, expect, it } from 'vitest';
import { checkPolicyDocument, policySize } from './checkPolicyDocument.js';

const allow = (actions: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
const failure = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe('checkPolicyDocument', () => {
  it('passes a valid policy and refuses malformed ones with MalformedPolicyDocument', () => {
    expect(failure(() => checkPolicyDocument(allow(['s3:GetObject']), 'identity'))).toBeNull();
    expect(failure(() => checkPolicyDocument('{"Statement":[]', 'identity'))).toBe('MalformedPolicyDocument');
    expect(failure(() => checkPolicyDocument(allow(['s3:GetObject']), 'trust'))).toBe('MalformedPolicyDocument');
    expect(failure(() => checkPolicyDocument(allow(['s3:Get€']), 'identity'))).toBe('MalformedPolicyDocument');
  });

  it('applies the 6144-character managed limit to managed policies only, not inline ones', () => {
    const large = allow(Array.from({ length: 300 }, (_, i) => `s3:GetObjectNumber${i}`));
    expect(policySize(large)).toBeGreaterThan(6144);
    // IAM answers an oversized managed policy with its quota error, not as a malformed document
    expect(failure(() => checkPolicyDocument(large, 'identity'))).toBe('LimitExceeded');
    // A malformed fault still wins over the size
    expect(failure(() => checkPolicyDocument(large.replace('"Allow"', '"Permit"'), 'identity'))).toBe(
      'MalformedPolicyDocument',
    );
    expect(failure(() => checkPolicyDocument(large, 'identity', { inline: true }))).toBeNull();
  });

  it('counts size without whitespace, as IAM does', () => {
    expect(policySize('{ "a" :\n\t1 }')).toBe(7);
  });
});
