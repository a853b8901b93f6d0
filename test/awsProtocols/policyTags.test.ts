import {
  CreatePolicyCommand,
  GetPolicyCommand,
  IAMClient,
  ListPolicyTagsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from '../management/managementTestServer.js';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagPolicy.html: up to 50 tags per policy
// (LimitExceeded), a key already present has its value overwritten; UntagPolicy removes keys;
// ListPolicyTags pages them. AWS managed policies are AWS's, refused as every other write to them.
let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let created: Awaited<ReturnType<typeof aws.createAccount>>;
let iam: IAMClient;
let policyArn: string;

beforeAll(async () => {
  aws = await startAwsTestServer();
  created = await aws.createAccount('policy-tags');
  iam = aws.iam(created.root);
  const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'Tagged', PolicyDocument: allow('s3:Get*') }));
  policyArn = policy.Policy!.Arn!;
});
afterAll(() => aws.server.close());

describe('tags on customer managed policies', () => {
  it('tags, overwrites, lists and untags through the IAM protocol and GraphQL alike', async () => {
    // Given / When
    await iam.send(
      new TagPolicyCommand({
        PolicyArn: policyArn,
        Tags: [
          { Key: 'team', Value: 'data' },
          { Key: 'env', Value: 'dev' },
        ],
      }),
    );
    await iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: [{ Key: 'Env', Value: 'prod' }] }));
    // Then: keys compare case-insensitively, the new value (and spelling) wins
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn }))).Tags).toEqual([
      { Key: 'Env', Value: 'prod' },
      { Key: 'team', Value: 'data' },
    ]);
    await iam.send(new UntagPolicyCommand({ PolicyArn: policyArn, TagKeys: ['TEAM'] }));
    const read = await aws.call<{ policy: { tags: { key: string; value: string }[] } }>(
      created.root,
      'query($arn: String!) { policy(arn: $arn) { tags { key value } } }',
      { arn: policyArn },
    );
    expect(read.data?.policy.tags).toEqual([{ key: 'Env', value: 'prod' }]);
    const untagged = await aws.call<{ untagPolicy: { tags: unknown[] } }>(
      created.root,
      'mutation($arn: String!) { untagPolicy(policyArn: $arn, tagKeys: ["env"]) { tags { key } } }',
      { arn: policyArn },
    );
    expect(untagged.data?.untagPolicy.tags).toEqual([]);
  });

  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html: Tags are attached to the new policy.
  it('creates a policy with its tags, shown by GetPolicy and GraphQL', async () => {
    const made = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'BornTagged',
        PolicyDocument: allow('s3:Get*'),
        Tags: [{ Key: 'owner', Value: 'ops' }],
      }),
    );
    expect(made.Policy?.Tags).toEqual([{ Key: 'owner', Value: 'ops' }]);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: made.Policy!.Arn! }))).Policy?.Tags).toEqual([
      { Key: 'owner', Value: 'ops' },
    ]);
    const viaGraphql = await aws.call<{ createPolicy: { tags: { key: string; value: string }[] } }>(
      created.root,
      `mutation($doc: String!) {
        createPolicy(policyName: "GraphTagged", policyDocument: $doc, tags: [{ key: "cost", value: "42" }]) { tags { key value } }
      }`,
      { doc: allow('s3:Get*') },
    );
    expect(viaGraphql.data?.createPolicy.tags).toEqual([{ key: 'cost', value: '42' }]);
  });

  it('refuses a 51st tag with LimitExceeded', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: fifty }));
    const over = await failureOf(
      iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: [{ Key: 'one-more', Value: 'v' }] })),
    );
    expect([over.name, over.$metadata.httpStatusCode]).toEqual(['LimitExceededException', 409]);
  });

  it('refuses tagging an AWS managed policy, and reports no tags on one', async () => {
    const managed = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const denied = await failureOf(
      iam.send(new TagPolicyCommand({ PolicyArn: managed, Tags: [{ Key: 'a', Value: 'b' }] })),
    );
    expect(denied.name).toBe('AccessDenied');
    const untag = await aws.call(
      created.root,
      'mutation($arn: String!) { untagPolicy(policyArn: $arn, tagKeys: ["a"]) { arn } }',
      { arn: managed },
    );
    expect(untag.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: managed }))).Tags).toEqual([]);
  });
});
