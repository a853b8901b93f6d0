import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { createTestDatabase } from '../support/createTestDatabase.js';

const NAMES = ['ec2-lambda-service-roles', 'enterprise-saml', 'github-actions-oidc'];

// Reloading deletes the scenario's accounts in one statement: roles, instance profiles (which reference roles)
// and workloads (which reference both) go together, so the profile's role reference must not RESTRICT.
it('reloads scenarios with identity providers, instance profiles and running workloads', async () => {
  const db = await createTestDatabase();
  const cipher = createSecretCipher(randomBytes(32));
  for (const name of NAMES) await loadScenarioByName(db.prisma, name, { cipher });
  // Given an instance launched with the scenario's profile
  const profile = await db.prisma.instanceProfile.findFirstOrThrow({ where: { accountId: '220000000001' } });
  const arn = 'arn:aws:ec2:us-east-1:220000000001:instance/i-00000000000000001';
  await db.prisma.resource.create({
    data: { arn, accountId: '220000000001', service: 'ec2', resourceType: 'instance' },
  });
  await db.prisma.serviceWorkload.create({
    data: { resourceArn: arn, service: 'ec2.amazonaws.com', roleId: profile.roleId, instanceProfileId: profile.id },
  });
  // When every scenario is loaded again, Then the reset removes the instance and recreates the providers
  for (const name of NAMES) await loadScenarioByName(db.prisma, name, { cipher });
  expect(await db.prisma.serviceWorkload.count()).toBe(0);
  expect(await db.prisma.samlProvider.count()).toBe(2);
  expect(await db.prisma.oidcProvider.count()).toBe(1);
  expect(await db.prisma.instanceProfile.count({ where: { accountId: '220000000001', roleId: { not: null } } })).toBe(
    1,
  );
  await db.close();
});
