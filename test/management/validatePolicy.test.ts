import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let root: Key;

beforeAll(async () => {
  env = await startManagementServer();
  ({ root } = await env.createAccount('validate'));
});
afterAll(() => env?.server.close());

const VALIDATE = `query($policy: String!, $kind: PolicyDocumentKind!) {
  validatePolicy(policy: $policy, kind: $kind) { valid size quota errors { code message position { line column } } warnings { code message position { line column } } }
}`;
type Validation = {
  valid: boolean;
  size: number;
  quota: number;
  errors: { code: string; message: string; position: { line: number; column: number } | null }[];
  warnings: { code: string; message: string; position: { line: number; column: number } | null }[];
};

describe('validatePolicy over HTTP', () => {
  it('answers errors with positions for a document IAM refuses', async () => {
    const policy =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}';
    const result = dataOf(
      await env.call<{ validatePolicy: Validation }>(root, VALIDATE, { policy, kind: 'IDENTITY' }),
    ).validatePolicy;
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        code: 'MalformedPolicyDocument',
        message: 'policy document should not specify a principal',
        position: { line: 4, column: 5 },
      },
    ]);
    expect(result.quota).toBe(6144);
  });

  it('warns about actions and condition keys AWS does not have, and accepts real ones', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetBucketCORS', 'ec2:CreateSubnet', 'ec2:CreateSubnett'],
          Resource: '*',
          Condition: { StringEquals: { 's3:prefx': 'a' } },
        },
      ],
    });
    const result = dataOf(
      await env.call<{ validatePolicy: Validation }>(root, VALIDATE, { policy, kind: 'IDENTITY' }),
    ).validatePolicy;
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.message])).toEqual([
      ['UnknownConditionKey', 'the condition key `s3:prefx` does not exist in service `s3`'],
      ['UnknownAction', 'the action `ec2:CreateSubnett` does not exist in service `ec2`'],
    ]);
    expect(result.warnings.every((w) => w.position !== null)).toBe(true);
  });

  it("uses each kind's rules: a trust policy needs a principal and has no resource", async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    });
    const result = dataOf(
      await env.call<{ validatePolicy: Validation }>(root, VALIDATE, { policy, kind: 'TRUST' }),
    ).validatePolicy;
    expect(result.errors.map((e) => e.message).sort()).toEqual([
      'has prohibited field `Resource`',
      'missing required field `Principal`',
    ]);
    expect(result.quota).toBe(2048);
  });

  it('is an access-analyzer:ValidatePolicy call a policy can deny', async () => {
    dataOf(await env.call(root, 'mutation { createUser(userName: "nobody") { name } }'));
    const key = dataOf(
      await env.call<{ createAccessKey: Key }>(
        root,
        'mutation { createAccessKey(userName: "nobody") { accessKeyId secretAccessKey } }',
      ),
    ).createAccessKey;
    const error = errorOf(await env.call(key, VALIDATE, { policy: '{}', kind: 'IDENTITY' }));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('access-analyzer:ValidatePolicy');
  });
});

describe('warnings on stored policies', () => {
  it('lets the mutations that store a policy select its warnings', async () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }],
    });
    const created = dataOf(
      await env.call<{ createPolicy: { defaultVersion: { warnings: { code: string }[] } } }>(
        root,
        'mutation($doc: String!) { createPolicy(policyName: "Typo", policyDocument: $doc) { defaultVersion { warnings { code } } } }',
        { doc },
      ),
    );
    expect(created.createPolicy.defaultVersion.warnings).toEqual([{ code: 'UnknownAction' }]);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRol' }],
    });
    const role = dataOf(
      await env.call<{ createRole: { trustPolicyWarnings: { code: string; message: string }[] } }>(
        root,
        'mutation($trust: String!) { createRole(roleName: "R", assumeRolePolicyDocument: $trust) { trustPolicyWarnings { code message } } }',
        { trust },
      ),
    );
    expect(role.createRole.trustPolicyWarnings).toEqual([
      { code: 'UnknownAction', message: 'the action `sts:AssumeRol` does not exist in service `sts`' },
    ]);
    const inline = dataOf(
      await env.call<{ putRolePolicy: { inlinePolicies: { warnings: { code: string }[] }[] } }>(
        root,
        'mutation($doc: String!) { putRolePolicy(roleName: "R", policyName: "p", policyDocument: $doc) { inlinePolicies { warnings { code } } } }',
        { doc },
      ),
    );
    expect(inline.putRolePolicy.inlinePolicies[0]!.warnings).toEqual([{ code: 'UnknownAction' }]);
  });
});
