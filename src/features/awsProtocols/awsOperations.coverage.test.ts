import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AWS_OPERATIONS } from './awsOperations.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});

/**
 * GraphQL mutations with no AWS operation, each with the reason reviewed. Anything else without a row in the
 * mapping table fails the test: a new mutation needs its AWS operation (one row) or an entry here.
 */
const PLAYGROUND_ONLY_MUTATIONS: Readonly<Record<string, string>> = {
  createResource:
    'S3 buckets, SQS queues, KMS keys … belong to other services’ APIs; the playground models them generically by ARN',
  putResourcePolicy:
    'sets a resource policy of another service (s3:PutBucketPolicy, kms:PutKeyPolicy …), not an STS, IAM or Organizations operation',
  revokeRoleSessions:
    'the IAM console’s “Revoke active sessions” button has no API operation of its own: AWS CLI users call PutRolePolicy with AWSRevokeOlderSessions',
  mintOidcToken: 'the playground’s own OIDC issuer mints tokens (as GitHub or Google would); no AWS service does',
  mintSamlAssertion:
    'the playground’s own SAML identity provider signs assertions (as Okta or AD FS would); no AWS service does',
  runInstances:
    'ec2:RunInstances belongs to EC2’s API (ec2 query protocol), out of scope for the STS/IAM/Organizations endpoint',
  createFunction:
    'lambda:CreateFunction belongs to Lambda’s REST-JSON API, out of scope for the STS/IAM/Organizations endpoint',
  updateFunctionConfiguration:
    'lambda:UpdateFunctionConfiguration belongs to Lambda’s REST-JSON API, out of scope for the STS/IAM/Organizations endpoint',
  instanceCredentials: 'what EC2’s instance metadata service hands the instance (IMDS, not an AWS API operation)',
  functionCredentials: 'what Lambda puts in the function’s environment (not an AWS API operation)',
};

/** AWS read operations GraphQL has no field for, each reviewed. */
const AWS_ONLY_READS: Readonly<Record<string, string>> = {
  'iam:GetContextKeysForCustomPolicy': 'GraphQL reports missing context keys in every simulation result instead',
  'iam:GetContextKeysForPrincipalPolicy': 'GraphQL reports missing context keys in every simulation result instead',
  'iam:ListInstanceProfilesForRole':
    'GraphQL answers the other way round: each InstanceProfile lists its role (InstanceProfile.roles)',
};

/** Whether `Type.field` names a field of the schema. */
function fieldExists(path: string): boolean {
  const [typeName, field] = path.split('.');
  const type = schema.getType(typeName ?? '');
  return isObjectType(type) && field !== undefined && field in type.getFields();
}

describe('the AWS operation mapping table', () => {
  it('maps every GraphQL mutation to an AWS operation, except the reviewed playground-only ones', () => {
    const mapped = new Set(
      AWS_OPERATIONS.filter((operation) => operation.kind === 'write').map((operation) => operation.graphql),
    );
    const unmapped = mutations.filter(
      (name) => !mapped.has(`Mutation.${name}`) && !(name in PLAYGROUND_ONLY_MUTATIONS),
    );
    expect(unmapped).toEqual([]);
  });

  it('keeps the exceptions honest: each names an existing mutation that really has no AWS operation', () => {
    for (const name of Object.keys(PLAYGROUND_ONLY_MUTATIONS)) {
      expect(mutations).toContain(name);
      expect(AWS_OPERATIONS.some((operation) => operation.graphql === `Mutation.${name}`)).toBe(false);
    }
  });

  it('names, for every AWS operation, a GraphQL field that exists: a mutation for writes, a read field for reads', () => {
    const broken = AWS_OPERATIONS.filter((operation) => {
      const key = `${operation.service}:${operation.name}`;
      if (operation.graphql === null) return operation.kind !== 'read' || !(key in AWS_ONLY_READS);
      const isMutation = operation.graphql.startsWith('Mutation.');
      return !fieldExists(operation.graphql) || isMutation !== (operation.kind === 'write');
    });
    expect(broken.map((operation) => `${operation.service}:${operation.name} → ${operation.graphql}`)).toEqual([]);
  });

  it('has one row per operation, each with an IAM action of its own service', () => {
    const keys = AWS_OPERATIONS.map((operation) => `${operation.service}:${operation.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const operation of AWS_OPERATIONS) expect(operation.action.startsWith(`${operation.service}:`)).toBe(true);
  });

  it('fails when a mutation has no row (the check can fail)', () => {
    const without = AWS_OPERATIONS.filter((operation) => operation.graphql !== 'Mutation.createRole');
    const mapped = new Set(
      without.filter((operation) => operation.kind === 'write').map((operation) => operation.graphql),
    );
    expect(mutations.filter((name) => !mapped.has(`Mutation.${name}`) && !(name in PLAYGROUND_ONLY_MUTATIONS))).toEqual(
      ['createRole'],
    );
  });
});
