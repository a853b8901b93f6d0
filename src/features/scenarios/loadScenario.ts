import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { SecretCipher } from '../auth/secretCipher.js';
import { parseSamlMetadata } from '../saml/parseSamlMetadata.js';
import { buildSamlIdpMetadata, loadSamlIdp } from '../saml/samlIdentityProviders.js';
import { clearScenarioAccounts } from './clearScenarioAccounts.js';
import { planScenario } from './planScenario.js';
import type { ScenarioPlan } from './scenarioPlanTypes.js';
import type { Scenario, ScenarioExample } from './scenarioTypes.js';

/** What a person needs after loading: the scenario's accounts, credentials and MFA devices, and its examples. */
export interface LoadedScenario {
  name: string;
  title: string;
  description: string;
  accounts: { id: string; name: string; alias: string | null }[];
  /** Long-term access keys with their plaintext secrets, to print once (as createAccessKey returns them). */
  accessKeys: { principalArn: string; accessKeyId: string; secretAccessKey: string }[];
  /** Virtual MFA devices with their TOTP seeds (base32), so a person can add them to an authenticator app. */
  mfaDevices: { principalArn: string; serialNumber: string; seed: string }[];
  examples: ScenarioExample[];
}

/** Dependencies of `loadScenario`. */
export interface LoadScenarioOptions {
  /** Encrypts access key secrets and TOTP seeds exactly as the auth feature stores them. */
  cipher: SecretCipher;
  /** When MFA devices count as enabled; defaults to now. */
  now?: Date;
}

/**
 * Loads a validated scenario into the database in ONE transaction: its accounts (and everything they hold)
 * are deleted and recreated from deterministic ids, so loading twice leaves the same state, a failure leaves
 * the previous state untouched, and other scenarios' accounts are never touched. Live sessions of the
 * scenario's accounts end with a reload, as a reset should.
 */
export async function loadScenario(
  prisma: PrismaClient,
  scenario: Scenario,
  options: LoadScenarioOptions,
): Promise<LoadedScenario> {
  const plan = planScenario(scenario);
  const now = options.now ?? new Date();
  await prisma.$transaction(
    async (tx) => {
      await clearScenarioAccounts(tx, plan);
      await writePlan(tx, plan, options.cipher, now);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return {
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    accounts: scenario.accounts.map((a) => ({ id: a.id, name: a.name, alias: a.alias ?? null })),
    accessKeys: plan.accessKeys.map((k) => ({
      principalArn: k.principalArn,
      accessKeyId: k.id,
      secretAccessKey: k.secret,
    })),
    mfaDevices: plan.mfaDevices.map((d) => ({
      principalArn: d.principalArn,
      serialNumber: d.serialNumber,
      seed: d.seed,
    })),
    examples: scenario.examples,
  };
}

async function writePlan(
  tx: Prisma.TransactionClient,
  plan: ScenarioPlan,
  cipher: SecretCipher,
  now: Date,
): Promise<void> {
  // Accounts first without their organization: the organization row references its management account.
  await tx.account.createMany({ data: plan.accounts.map((a) => ({ ...a, organizationId: null, parentId: null })) });
  if (plan.organization !== null) {
    await tx.organization.create({ data: plan.organization });
    await tx.organizationalUnit.createMany({ data: plan.units });
    const byParent = new Map<string | null, string[]>();
    for (const a of plan.accounts) byParent.set(a.parentId, [...(byParent.get(a.parentId) ?? []), a.id]);
    for (const [parentId, ids] of byParent) {
      await tx.account.updateMany({
        where: { id: { in: ids } },
        data: { organizationId: plan.organization.id, parentId },
      });
    }
    await tx.organizationPolicy.createMany({ data: plan.organizationPolicies });
    await tx.organizationPolicyAttachment.createMany({ data: plan.organizationPolicyAttachments });
  }
  await tx.managedPolicy.createMany({ data: plan.managedPolicies.map(({ document: _document, ...p }) => p) });
  await tx.policyVersion.createMany({
    data: plan.managedPolicies.map((p) => ({ policyId: p.id, versionId: 'v1', document: p.document, isDefault: true })),
  });
  await tx.group.createMany({ data: plan.groups });
  await tx.user.createMany({ data: plan.users });
  await tx.role.createMany({ data: plan.roles });
  await tx.groupMembership.createMany({ data: plan.memberships });
  await tx.inlinePolicy.createMany({ data: plan.inlinePolicies });
  await tx.policyAttachment.createMany({ data: plan.policyAttachments });
  await tx.resource.createMany({ data: plan.resources });
  await tx.tag.createMany({ data: plan.tags });
  await tx.accessKey.createMany({
    data: plan.accessKeys.map((k) => ({
      id: k.id,
      accountId: k.accountId,
      userId: k.userId,
      secretEncrypted: cipher.encrypt(k.secret),
    })),
  });
  await tx.oidcProvider.createMany({
    data: plan.oidcProviders.map((p) => ({ ...p, jwks: p.jwks === null ? undefined : (p.jwks as object) })),
  });
  await tx.instanceProfile.createMany({ data: plan.instanceProfiles });
  for (const provider of plan.samlProviders) {
    const metadataDocument = buildSamlIdpMetadata(await loadSamlIdp(tx, cipher, provider.identityProvider));
    const metadata = parseSamlMetadata(metadataDocument);
    await tx.samlProvider.create({
      data: {
        arn: provider.arn,
        accountId: provider.accountId,
        name: provider.name,
        metadataDocument,
        entityId: metadata.entityId,
        signingCertificates: metadata.signingCertificates,
      },
    });
  }
  await tx.mfaDevice.createMany({
    data: plan.mfaDevices.map((d) => ({
      serialNumber: d.serialNumber,
      accountId: d.accountId,
      userId: d.userId,
      seedEncrypted: cipher.encrypt(d.seed),
      enabledAt: now,
    })),
  });
}
