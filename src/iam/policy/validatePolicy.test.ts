import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parsePolicy.js';
import { countPolicyCharacters, validatePolicy } from './validatePolicy.js';

const doc = (statement: object, extra: object = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement], ...extra });
const messages = (text: string, kind: Parameters<typeof validatePolicy>[1] = 'identity') =>
  validatePolicy(text, kind).errors.map((error) => error.message);

describe('parsePolicy', () => {
  it('keeps each statement start and end position', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {\n      "Effect": "Deny",\n      "Action": "s3:DeleteObject",\n      "Resource": "*"\n    }\n  ]\n}';
    const { policy, errors } = parsePolicy(text, 'identity');
    expect(errors).toEqual([]);
    expect(policy?.statements.map((s) => [s.start, s.end])).toEqual([
      [
        { line: 4, column: 5 },
        { line: 4, column: 58 },
      ],
      [
        { line: 5, column: 5 },
        { line: 9, column: 5 },
      ],
    ]);
  });
  it('accepts a single statement object and stringifies condition numbers and booleans', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': true } },
      },
    });
    const { policy } = parsePolicy(text, 'identity');
    expect(policy?.statements[0]?.conditions.map((c) => c.values)).toEqual([['10'], ['true']]);
  });
  it('reports JSON syntax errors with a position', () => {
    expect(parsePolicy('{"Version": "2012-10-17",\n "Statement": [}', 'identity').errors).toEqual([
      {
        code: 'MalformedPolicyDocument',
        message: 'syntax errors in policy: unexpected character',
        position: { line: 2, column: 16 },
      },
    ]);
  });
});

describe('validatePolicy grammar', () => {
  it('forbids Principal in identity, boundary, session and SCP policies', () => {
    const text = doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' });
    for (const kind of ['identity', 'permissionsBoundary', 'session', 'scp'] as const) {
      expect(messages(text, kind)).toContain('policy document should not specify a principal');
    }
  });
  it('requires Principal in resource and trust policies, and no Resource in trust policies', () => {
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), 'resource')).toEqual([
      'missing required field `Principal`',
    ]);
    expect(
      messages(
        doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Resource: '*' }),
        'trust',
      ),
    ).toEqual(['has prohibited field `Resource`']);
    expect(
      messages(
        doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
        'trust',
      ),
    ).toEqual([]);
    expect(
      messages(doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }), 'trust'),
    ).toEqual(['`NotPrincipal` is not supported in role trust policies']);
  });
  it('checks RCP shape: Principal "*" and Deny only (RCPFullAWSAccess excepted)', () => {
    expect(messages(doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }), 'rcp')).toEqual([
      'resource control policies support only the `Deny` effect',
    ]);
    expect(messages(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), 'rcp')).toEqual([]);
    expect(
      messages(doc({ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }), 'rcp'),
    ).toEqual(['resource control policies must specify `"Principal": "*"`']);
  });
  it('reports missing and invalid elements', () => {
    expect(messages(doc({ Effect: 'Allow', Resource: '*' }))).toEqual(['policy statement must contain actions']);
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*' }))).toEqual(['policy statement must contain resources']);
    expect(messages(doc({ Action: 's3:*', Resource: '*' }))).toEqual(['missing required field `Effect`']);
    expect(messages(doc({ Effect: 'Permit', Action: 's3:*', Resource: '*' }))).toEqual([
      'invalid effect `Permit`: expected `Allow` or `Deny`',
    ]);
    expect(messages(doc({ Effect: 'Allow', Action: 'GetObject', Resource: '*' }))).toEqual([
      'action `GetObject` must be prefaced by a vendor, e.g. `iam`, `s3`, `ec2`',
    ]);
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'bucket' }))).toEqual([
      'resource `bucket` must be in arn format or `*`',
    ]);
    expect(
      messages(
        doc({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEq: { 'aws:username': 'a' } } }),
      ),
    ).toEqual(['invalid condition type `StringEq`']);
    expect(
      messages(
        doc({
          Effect: 'Allow',
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericLessThan: { 's3:max-keys': 'ten' } },
        }),
      ),
    ).toEqual(['invalid value for `NumericLessThan` on `s3:max-keys`: `ten` is not a number']);
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*', Extra: 1 }))).toEqual([
      'statement contains unknown field `Extra`',
    ]);
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Version: '2020-01-01' }))).toEqual([
      'the policy failed legacy parsing: invalid version `2020-01-01`',
    ]);
    expect(messages(JSON.stringify({ Version: '2012-10-17' }))).toEqual(['missing required field `Statement`']);
  });
  it('rejects duplicate and non-alphanumeric Sids', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'A', Effect: 'Deny', Action: 's3:*', Resource: '*' },
      ],
    });
    expect(messages(text)).toEqual(['statement ids (sid) in a single policy must be unique: `A`']);
    expect(messages(doc({ Sid: 'a b', Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toEqual([
      'statement ids (sid) must be alpha-numeric: `a b`',
    ]);
  });
  it('rejects characters outside tab, LF, CR and U+0020–U+00FF', () => {
    expect(
      validatePolicy(doc({ Sid: 'x\u2019', Effect: 'Allow', Action: 's3:*', Resource: '*' }), 'identity').errors[0],
    ).toMatchObject({
      message: 'policy contains the character `U+2019`, which is not allowed',
      position: { line: 1, column: 47 },
    });
  });
  it('enforces size limits per kind, counting whitespace only where AWS does', () => {
    const big = (n: number) =>
      doc({ Effect: 'Allow', Action: Array.from({ length: n }, (_, i) => `s3:GetObject${i}`), Resource: '*' });
    expect(messages(big(400))[0]).toMatch(/^cannot exceed quota for policy size: 6144/);
    expect(messages(big(200))).toEqual([]);
    expect(messages(big(300), 'scp')[0]).toMatch(/^cannot exceed quota for policy size: 5120/);
    const padded = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }).replace(',', ',' + ' '.repeat(7000));
    expect(messages(padded, 'identity')).toEqual([]);
    expect(countPolicyCharacters('{ "a" :\n 1 }', false)).toBe(7);
    expect(countPolicyCharacters('{ "a" :\n 1 }', true)).toBe(12);
  });
});

describe('validatePolicy warnings', () => {
  it('warns about set operators on single-valued keys, Allow with NotPrincipal and unknown actions', () => {
    const text = doc({
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ['s3:GetObjekt', 's3:Get*', 'custom:Anything'],
      Resource: '*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:username': 'a' } },
    });
    const { errors, warnings } = validatePolicy(text, 'resource');
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.code).sort()).toEqual([
      'AllowWithNotPrincipal',
      'ForAllValuesWithSingleValuedKey',
      'UnknownAction',
      'UnknownService',
    ]);
  });
  it('knows every action and condition key of AWS, not only a few services', () => {
    const text = doc({
      Effect: 'Allow',
      Action: ['s3:GetBucketCORS', 'ec2:CreateSubnet', 'ec2:Describe*', 'bedrock:InvokeModel', 'ec2:CreateSubnett'],
      Resource: '*',
      Condition: {
        StringEquals: { 'ec2:InstanceType': 't3.micro', 's3:ExistingObjectTag/team': 'a', 'ec2:InstanceTypo': 'x' },
      },
    });
    expect(validatePolicy(text, 'identity').warnings.map((w) => w.message)).toEqual([
      'the condition key `ec2:InstanceTypo` does not exist in service `ec2`',
      'the action `ec2:CreateSubnett` does not exist in service `ec2`',
    ]);
  });
  it('warns about misspelt global condition keys but not tag keys or service keys', () => {
    const text = doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:usename': 'a', 'aws:PrincipalTag/x': 'b', 's3:prefix': 'c', 'AWS:SourceIp': 'd' },
      },
    });
    expect(validatePolicy(text, 'identity').warnings).toEqual([
      {
        code: 'UnknownGlobalConditionKey',
        message: '`aws:usename` is not a global condition key',
        position: { line: 1, column: 124 },
      },
    ]);
  });
  it('reports empty Action and Resource lists', () => {
    expect(messages(doc({ Effect: 'Allow', Action: [], Resource: [] }))).toEqual([
      'policy statement must contain actions',
      'policy statement must contain resources',
    ]);
  });
});
