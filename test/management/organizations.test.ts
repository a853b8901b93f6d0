import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorOf, startManagementServer, type Key } from './managementTestServer.js';

let env: Awaited<ReturnType<typeof startManagementServer>>;
let management: { accountId: string; root: Key };
let member: { accountId: string; root: Key };
let organizationId: string;
let rootId: string;

const CREATE_USER = 'mutation($n: String!) { createUser(userName: $n) { arn } }';
const denyCreateUser = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }],
});

beforeAll(async () => {
  env = await startManagementServer();
  management = await env.createAccount('management');
  const created = dataOf(
    await env.call<{ createOrganization: { organizationId: string; root: { unitId: string } } }>(
      management.root,
      'mutation { createOrganization { organizationId root { unitId } } }',
    ),
  );
  organizationId = created.createOrganization.organizationId;
  rootId = created.createOrganization.root.unitId;
  member = await env.createAccount('member', management.root);
});
afterAll(() => env?.server.close());

describe('organizations', () => {
  it('creates the organization with AWS-shaped ids and the default policies attached at the root', async () => {
    expect(organizationId).toMatch(/^o-[a-z0-9]{10}$/);
    expect(rootId).toMatch(/^r-[a-z0-9]{4}$/);
    const attached = await env.prisma.organizationPolicyAttachment.findMany({
      where: { targetId: rootId },
      include: { policy: true },
    });
    expect(attached.map((a) => a.policy.name).sort()).toEqual(['FullAWSAccess', 'RCPFullAWSAccess']);
    expect(errorOf(await env.call(management.root, 'mutation { createOrganization { organizationId } }')).code).toBe(
      'AlreadyInOrganizationException',
    );
  });

  it('creates member accounts in the root with a working root key; members cannot create accounts', async () => {
    const account = await env.prisma.account.findUniqueOrThrow({ where: { id: member.accountId } });
    expect(account).toMatchObject({ organizationId, parentId: rootId });
    dataOf(await env.call(member.root, CREATE_USER, { n: 'first' }));
    const denied = errorOf(
      await env.call(member.root, 'mutation { createAccount(accountName: "x") { account { accountId } } }'),
    );
    expect(denied.code).toBe('AccessDenied');
  });

  it('applies an SCP attached to an OU to the accounts moved into it, but never to the management account', async () => {
    // Given an OU with an SCP denying iam:CreateUser, and the member account moved into it
    const ou = dataOf(
      await env.call<{ createOrganizationalUnit: { unitId: string } }>(
        management.root,
        `mutation { createOrganizationalUnit(parentId: "${rootId}", name: "Workloads") { unitId } }`,
      ),
    ).createOrganizationalUnit.unitId;
    expect(ou).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8}$`));
    expect(
      errorOf(
        await env.call(
          management.root,
          `mutation { createOrganizationalUnit(parentId: "${rootId}", name: "Workloads") { unitId } }`,
        ),
      ).code,
    ).toBe('DuplicateOrganizationalUnitException');
    const scp = dataOf(
      await env.call<{ createOrganizationPolicy: { policyId: string } }>(
        management.root,
        'mutation($c: String!) { createOrganizationPolicy(name: "NoUsers", content: $c, type: SERVICE_CONTROL_POLICY) { policyId } }',
        { c: denyCreateUser },
      ),
    ).createOrganizationPolicy.policyId;
    dataOf(
      await env.call(
        management.root,
        `mutation { attachOrganizationPolicy(policyId: "${scp}", targetId: "${ou}") { targetIds } }`,
      ),
    );
    const moved = dataOf(
      await env.call<{ moveAccount: { parent: { unitId: string } } }>(
        management.root,
        `mutation { moveAccount(accountId: "${member.accountId}", sourceParentId: "${rootId}", destinationParentId: "${ou}") { parent { unitId } } }`,
      ),
    );
    expect(moved.moveAccount.parent.unitId).toBe(ou);
    // When the member's root creates a user, Then the SCP denies it in AWS's words
    expect(errorOf(await env.call(member.root, CREATE_USER, { n: 'second' }))).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${member.accountId}:root is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${member.accountId}:user/second with an explicit deny in a service control policy`,
    });
    // And the management account is not limited by SCPs, even attached to the root
    dataOf(
      await env.call(
        management.root,
        `mutation { attachOrganizationPolicy(policyId: "${scp}", targetId: "${rootId}") { name } }`,
      ),
    );
    dataOf(await env.call(management.root, CREATE_USER, { n: 'admin' }));
    // And detaching the SCP lifts the deny
    dataOf(
      await env.call(
        management.root,
        `mutation { detachOrganizationPolicy(policyId: "${scp}", targetId: "${ou}") { name } detachOrganizationPolicy2: detachOrganizationPolicy(policyId: "${scp}", targetId: "${rootId}") { name } }`,
      ),
    );
    dataOf(await env.call(member.root, CREATE_USER, { n: 'second' }));
  });

  it('needs an Allow at every level: detaching FullAWSAccess from the only SCP target is refused', async () => {
    const full = await env.prisma.organizationPolicy.findFirstOrThrow({
      where: { organizationId, name: 'FullAWSAccess' },
    });
    const refused = errorOf(
      await env.call(
        management.root,
        `mutation { detachOrganizationPolicy(policyId: "${full.id}", targetId: "${member.accountId}") { name } }`,
      ),
    );
    expect(refused.code).toBe('ConstraintViolationException');
    expect(
      await env.prisma.organizationPolicyAttachment.count({ where: { policyId: full.id, targetId: member.accountId } }),
    ).toBe(1);
  });

  it('reports AWS Organizations errors for unknown targets, parents and policies', async () => {
    const full = await env.prisma.organizationPolicy.findFirstOrThrow({
      where: { organizationId, name: 'FullAWSAccess' },
    });
    expect(
      errorOf(
        await env.call(
          management.root,
          `mutation { attachOrganizationPolicy(policyId: "${full.id}", targetId: "ou-none-12345678") { name } }`,
        ),
      ).code,
    ).toBe('TargetNotFoundException');
    expect(
      errorOf(
        await env.call(
          management.root,
          `mutation { attachOrganizationPolicy(policyId: "${full.id}", targetId: "${rootId}") { name } }`,
        ),
      ).code,
    ).toBe('DuplicatePolicyAttachmentException');
    expect(
      errorOf(
        await env.call(
          management.root,
          'mutation { attachOrganizationPolicy(policyId: "p-missing1", targetId: "r-none") { name } }',
        ),
      ).code,
    ).toBe('PolicyNotFoundException');
    expect(
      errorOf(
        await env.call(
          management.root,
          'mutation { createOrganizationalUnit(parentId: "r-none", name: "x") { unitId } }',
        ),
      ).code,
    ).toBe('ParentNotFoundException');
    expect(
      errorOf(
        await env.call(
          management.root,
          `mutation { moveAccount(accountId: "${member.accountId}", sourceParentId: "${rootId}", destinationParentId: "${rootId}") { accountId } }`,
        ),
      ).code,
    ).toBe('SourceParentNotFoundException');
    const malformed = errorOf(
      await env.call(
        management.root,
        'mutation { createOrganizationPolicy(name: "bad", content: "{}", type: RESOURCE_CONTROL_POLICY) { policyId } }',
      ),
    );
    expect(malformed.code).toBe('MalformedPolicyDocument');
  });

  it("lets the operator act as any account's root, and requires it to say which", async () => {
    expect(errorOf(await env.call(env.operator, CREATE_USER, { n: 'op' })).code).toBe('ValidationError');
    const created = dataOf(
      await env.call<{ createUser: { arn: string } }>(
        env.operator,
        `mutation { createUser(userName: "op", actingAccountId: "${member.accountId}") { arn } }`,
      ),
    );
    expect(created.createUser.arn).toBe(`arn:aws:iam::${member.accountId}:user/op`);
  });
});
