import type { PrismaClient } from '../../../src/generated/prisma/client.js';

/** Ids of what {@link seedReadModel} wrote, for assertions. */
export interface SeededModel {
  organizationId: string;
  rootId: string;
  ouId: string;
  managementAccountId: string;
  accountIds: string[];
  scpId: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Writes an organization (root → one OU) with `accounts` member accounts, each with `rolesPerAccount`
 * roles (tagged, with an attached managed policy of two versions, an inline policy and a session), one
 * user in one group, and one S3 bucket with a policy. Bulk inserts keep it fast at any size.
 */
export async function seedReadModel(
  prisma: PrismaClient,
  size: { accounts: number; rolesPerAccount: number },
): Promise<SeededModel> {
  const organizationId = 'o-exampleorg1';
  const rootId = 'r-root';
  const ouId = 'ou-root-workloads';
  const accountIds = Array.from({ length: size.accounts }, (_, i) => `1000000${pad(i, 5)}`);
  const managementAccountId = accountIds[0]!;
  const scpId = 'p-denyleave';

  await prisma.account.createMany({
    data: accountIds.map((id, i) => ({ id, name: `account-${i}`, email: `a${i}@example.com` })),
  });
  await prisma.organization.create({ data: { id: organizationId, managementAccountId } });
  await prisma.organizationalUnit.create({ data: { id: rootId, organizationId, name: 'Root' } });
  await prisma.organizationalUnit.create({ data: { id: ouId, organizationId, parentId: rootId, name: 'Workloads' } });
  await prisma.account.updateMany({ data: { organizationId, parentId: ouId } });
  await prisma.account.update({ where: { id: managementAccountId }, data: { parentId: rootId } });
  await prisma.organizationPolicy.create({
    data: {
      id: scpId,
      organizationId,
      type: 'SERVICE_CONTROL_POLICY',
      name: 'DenyLeave',
      document: '{"Version":"2012-10-17","Statement":[]}',
    },
  });
  await prisma.organizationPolicyAttachment.createMany({
    data: [
      { policyId: scpId, targetId: rootId },
      { policyId: scpId, targetId: ouId },
    ],
  });

  const roles = accountIds.flatMap((accountId, a) =>
    Array.from({ length: size.rolesPerAccount }, (_, r) => ({
      id: `AROA${pad(a, 4)}${pad(r, 4)}EXAMPLE`,
      accountId,
      name: `Role${r}`,
      nameKey: `role${r}`,
      arn: `arn:aws:iam::${accountId}:role/Role${r}`,
      assumeRolePolicyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${accountId}:root"},"Action":"sts:AssumeRole"}]}`,
    })),
  );
  await prisma.role.createMany({ data: roles });
  const policies = accountIds.map((accountId, a) => ({
    id: `ANPA${pad(a, 4)}EXAMPLE`,
    accountId,
    name: 'ReadOnly',
    nameKey: 'readonly',
    arn: `arn:aws:iam::${accountId}:policy/ReadOnly`,
  }));
  await prisma.managedPolicy.createMany({ data: policies });
  await prisma.policyVersion.createMany({
    data: policies.flatMap((policy) => [
      { policyId: policy.id, versionId: 'v1', document: '{"Version":"2012-10-17","Statement":[]}', isDefault: false },
      { policyId: policy.id, versionId: 'v2', document: '{"Version":"2012-10-17","Statement":[]}', isDefault: true },
    ]),
  });
  await prisma.policyAttachment.createMany({
    data: roles.map((role) => ({
      policyId: `ANPA${role.id.slice(4, 8)}EXAMPLE`,
      principalKind: 'ROLE' as const,
      roleId: role.id,
    })),
  });
  await prisma.inlinePolicy.createMany({
    data: roles.map((role) => ({
      principalKind: 'ROLE' as const,
      roleId: role.id,
      name: 'Inline',
      nameKey: 'inline',
      document: '{}',
    })),
  });
  await prisma.tag.createMany({
    data: roles.map((role) => ({ roleId: role.id, key: 'Team', keyLower: 'team', value: role.accountId })),
  });
  const now = Date.now();
  await prisma.session.createMany({
    data: roles.map((role, i) => ({
      id: `ASIA${pad(i, 12)}`,
      accountId: role.accountId,
      roleId: role.id,
      sessionName: 'alice',
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/alice`,
      assumedRoleId: `${role.id}:alice`,
      callerArn: `arn:aws:iam::${role.accountId}:root`,
      secretEncrypted: 'not-a-real-secret',
      tokenHash: `hash-${i}`,
      tags: [{ key: 'Project', value: 'blue' }],
      issuedAt: new Date(now - 1000 * i),
      expiresAt: new Date(now + (i % 2 === 0 ? 3_600_000 : -1000)),
    })),
  });

  await prisma.user.createMany({
    data: accountIds.map((accountId, a) => ({
      id: `AIDA${pad(a, 4)}EXAMPLE`,
      accountId,
      name: 'alice',
      nameKey: 'alice',
      arn: `arn:aws:iam::${accountId}:user/alice`,
    })),
  });
  await prisma.group.createMany({
    data: accountIds.map((accountId, a) => ({
      id: `AGPA${pad(a, 4)}EXAMPLE`,
      accountId,
      name: 'Admins',
      nameKey: 'admins',
      arn: `arn:aws:iam::${accountId}:group/Admins`,
    })),
  });
  await prisma.groupMembership.createMany({
    data: accountIds.map((_, a) => ({ userId: `AIDA${pad(a, 4)}EXAMPLE`, groupId: `AGPA${pad(a, 4)}EXAMPLE` })),
  });
  await prisma.resource.createMany({
    data: accountIds.map((accountId, a) => ({
      id: `res-${a}`,
      arn: `arn:aws:s3:::bucket-${accountId}`,
      accountId,
      service: 's3',
      resourceType: 'bucket',
      policyDocument: '{"Version":"2012-10-17","Statement":[]}',
    })),
  });
  return { organizationId, rootId, ouId, managementAccountId, accountIds, scpId };
}
