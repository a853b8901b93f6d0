import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from '../management/managementTestServer.js';

// Under an RCP that denies s3:GetBucketPolicy, reading the bucket (resource(arn:)) and asking canPerform for
// the same user must agree — in a member account (the RCP applies) and in the management account (it does not).
let env: Awaited<ReturnType<typeof startManagementServer>>;
const accounts: Record<'member' | 'management', { accountId: string; root: Key; reader: Key; bucket: string }> =
  {} as never;

const rcp = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:GetBucketPolicy', Resource: '*' }],
});
const READ = 'query($arn: String!) { resource(arn: $arn) { arn } }';
const CAN =
  'query($u: String!, $r: String!) { user(arn: $u) { canPerform(action: "s3:GetBucketPolicy", resource: $r) { decision } } }';

async function arrange(name: 'member' | 'management', root: Key, accountId: string) {
  const bucket = `arn:aws:s3:::${name}-bucket`;
  dataOf(
    await env.call(
      root,
      'mutation($arn: String!, $d: String!) { createResource(arn: $arn) { arn } createUser(userName: "reader") { arn } putUserPolicy(userName: "reader", policyName: "s3", policyDocument: $d) { arn } }',
      { arn: bucket, d: allow(['s3:*']) },
    ),
  );
  const reader = dataOf(
    await env.call<{ createAccessKey: Key }>(
      root,
      'mutation { createAccessKey(userName: "reader") { accessKeyId secretAccessKey } }',
    ),
  ).createAccessKey;
  accounts[name] = { accountId, root, reader, bucket };
}

beforeAll(async () => {
  env = await startManagementServer();
  const management = await env.createAccount('rcp-management');
  const organization = dataOf(
    await env.call<{ createOrganization: { root: { unitId: string } } }>(
      management.root,
      'mutation { createOrganization { root { unitId } } }',
    ),
  ).createOrganization;
  const member = await env.createAccount('rcp-member', management.root);
  const policyId = dataOf(
    await env.call<{ createOrganizationPolicy: { policyId: string } }>(
      management.root,
      'mutation($c: String!) { createOrganizationPolicy(name: "NoPolicyReads", content: $c, type: RESOURCE_CONTROL_POLICY) { policyId } }',
      { c: rcp },
    ),
  ).createOrganizationPolicy.policyId;
  dataOf(
    await env.call(
      management.root,
      `mutation { attachOrganizationPolicy(policyId: "${policyId}", targetId: "${organization.root.unitId}") { name } }`,
    ),
  );
  await arrange('member', member.root, member.accountId);
  await arrange('management', management.root, management.accountId);
});
afterAll(() => env?.server.close());

describe('the read door and canPerform decide RCPs alike', () => {
  it('in a member account, both deny: the RCP governs S3 there', async () => {
    const { reader, bucket, root, accountId } = accounts.member;
    expect(errorOf(await env.call(reader, READ, { arn: bucket })).message).toContain(
      'with an explicit deny in a resource control policy',
    );
    const can = dataOf(
      await env.call<{ user: { canPerform: { decision: string } } }>(root, CAN, {
        u: `arn:aws:iam::${accountId}:user/reader`,
        r: bucket,
      }),
    );
    expect(can.user.canPerform.decision).toBe('EXPLICIT_DENY');
  });

  it('in the management account, both allow: AWS applies no RCPs there', async () => {
    const { reader, bucket, root, accountId } = accounts.management;
    expect(dataOf(await env.call(reader, READ, { arn: bucket }))).toEqual({ resource: { arn: bucket } });
    const can = dataOf(
      await env.call<{ user: { canPerform: { decision: string } } }>(root, CAN, {
        u: `arn:aws:iam::${accountId}:user/reader`,
        r: bucket,
      }),
    );
    expect(can.user.canPerform.decision).toBe('ALLOWED');
  });
});
