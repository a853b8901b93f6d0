import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { generateAccessKeyId, generateSecretAccessKey, generateUniqueId } from '../../src/features/auth/generateIds.js';
import type { SecretCipher } from '../../src/features/auth/secretCipher.js';
import { generateTotpSeed } from '../../src/features/auth/verifyTotp.js';

/** An access key pair as a test signs with it. */
export interface TestKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Writes IAM rows straight to the database, so STS tests do not depend on the management mutations. */
export function arrangeIam(prisma: PrismaClient, cipher: SecretCipher) {
  const allowAll = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  });
  return {
    allowAll,
    async account(id: string): Promise<TestKey> {
      await prisma.account.create({ data: { id, name: `account-${id}` } });
      const key = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
      await prisma.accessKey.create({
        data: {
          id: key.accessKeyId,
          accountId: id,
          userId: null,
          secretEncrypted: cipher.encrypt(key.secretAccessKey),
        },
      });
      return key;
    },
    async user(
      accountId: string,
      name: string,
      policies: string[] = [],
    ): Promise<TestKey & { arn: string; id: string }> {
      const id = generateUniqueId('AIDA');
      const arn = `arn:aws:iam::${accountId}:user/${name}`;
      await prisma.user.create({
        data: {
          id,
          accountId,
          name,
          nameKey: name.toLowerCase(),
          arn,
          inlinePolicies: {
            create: policies.map((document, i) => ({
              principalKind: 'USER' as const,
              name: `p${i}`,
              nameKey: `p${i}`,
              document,
            })),
          },
        },
      });
      const key = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
      await prisma.accessKey.create({
        data: { id: key.accessKeyId, accountId, userId: id, secretEncrypted: cipher.encrypt(key.secretAccessKey) },
      });
      return { ...key, arn, id };
    },
    async role(
      accountId: string,
      name: string,
      trust: unknown,
      options: { policies?: string[]; maxSessionDuration?: number; path?: string; tags?: Record<string, string> } = {},
    ): Promise<{ arn: string; id: string }> {
      const id = generateUniqueId('AROA');
      const path = options.path ?? '/';
      const arn = `arn:aws:iam::${accountId}:role${path}${name}`;
      await prisma.role.create({
        data: {
          id,
          accountId,
          name,
          nameKey: name.toLowerCase(),
          path,
          arn,
          assumeRolePolicyDocument: JSON.stringify(trust),
          maxSessionDuration: options.maxSessionDuration ?? 3600,
          inlinePolicies: {
            create: (options.policies ?? []).map((document, i) => ({
              principalKind: 'ROLE' as const,
              name: `p${i}`,
              nameKey: `p${i}`,
              document,
            })),
          },
          tags: {
            create: Object.entries(options.tags ?? {}).map(([key, value]) => ({
              key,
              keyLower: key.toLowerCase(),
              value,
            })),
          },
        },
      });
      return { arn, id };
    },
    /** An organization managed by `managementAccountId`; members sit under the root, with `policies` (SCP or RCP) attached to them. */
    async organization(
      managementAccountId: string,
      members: string[],
      policies: { type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'; document: unknown }[],
    ): Promise<void> {
      const orgId = `o-${managementAccountId.slice(0, 10)}`;
      const rootId = `r-${managementAccountId.slice(0, 4)}`;
      await prisma.organization.create({ data: { id: orgId, managementAccountId } });
      await prisma.organizationalUnit.create({ data: { id: rootId, organizationId: orgId, name: 'Root' } });
      await prisma.account.updateMany({
        where: { id: { in: [managementAccountId, ...members] } },
        data: { organizationId: orgId, parentId: rootId },
      });
      const fullAccess = await prisma.organizationPolicy.create({
        data: {
          id: `p-full${managementAccountId.slice(0, 4)}`,
          organizationId: orgId,
          type: 'SERVICE_CONTROL_POLICY',
          name: 'FullAWSAccess',
          awsManaged: true,
          document: allowAll,
        },
      });
      // As in AWS, FullAWSAccess sits on the root and on every account, so each level has an Allow.
      for (const target of [rootId, managementAccountId, ...members]) {
        await prisma.organizationPolicyAttachment.create({ data: { policyId: fullAccess.id, targetId: target } });
      }
      for (const [i, policy] of policies.entries()) {
        const created = await prisma.organizationPolicy.create({
          data: {
            id: `p-${i}${managementAccountId.slice(0, 4)}`,
            organizationId: orgId,
            type: policy.type,
            name: `policy-${i}`,
            document: JSON.stringify(policy.document),
          },
        });
        for (const member of members)
          await prisma.organizationPolicyAttachment.create({ data: { policyId: created.id, targetId: member } });
      }
    },
    async mfaDevice(accountId: string, userId: string, name: string): Promise<{ serialNumber: string; seed: string }> {
      const seed = generateTotpSeed();
      const serialNumber = `arn:aws:iam::${accountId}:mfa/${name}`;
      await prisma.mfaDevice.create({
        data: { serialNumber, accountId, userId, seedEncrypted: cipher.encrypt(seed), enabledAt: new Date() },
      });
      return { serialNumber, seed };
    },
  };
}
