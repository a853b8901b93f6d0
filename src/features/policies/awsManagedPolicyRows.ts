import type { ManagedPolicy, Prisma, PolicyVersion, PrismaClient } from '../../generated/prisma/client.js';
import { findAwsManagedPolicy, findAwsManagedPolicyById, type AwsManagedPolicy } from '../../iam/index.js';

type Writer = PrismaClient | Prisma.TransactionClient;

/**
 * AWS managed policies are served from the engine's generated catalogue (about 1,600 of them), not stored
 * up front: a database holds a row only for those something points at (an attachment, a permissions
 * boundary, a session's policy ARNs), because those need foreign keys. Seeding every one into every
 * database would cost each test database ~3 MB of inserts for documents nobody attached.
 */
const EPOCH = new Date(0);

/** The row an AWS managed policy would have in `managed_policy`, whether or not it is stored. */
export function awsManagedPolicyRow(policy: AwsManagedPolicy): ManagedPolicy {
  return {
    id: policy.policyId,
    accountId: null,
    name: policy.name,
    nameKey: policy.name.toLowerCase(),
    path: policy.path,
    arn: policy.arn,
    description: '',
    createdAt: policy.createDate ?? EPOCH,
    updatedAt: policy.updateDate ?? policy.createDate ?? EPOCH,
  };
}

/** The one (default) version of an AWS managed policy, as `policy_version` would hold it. */
export function awsManagedPolicyVersionRow(policy: AwsManagedPolicy): PolicyVersion {
  return {
    policyId: policy.policyId,
    versionId: policy.defaultVersionId,
    document: policy.document,
    isDefault: true,
    createdAt: policy.updateDate ?? policy.createDate ?? EPOCH,
  };
}

/** The catalogue row for an AWS managed policy's ARN or id, or null when AWS has no such policy. */
export function findAwsManagedPolicyRow(key: { arn: string } | { id: string }): ManagedPolicy | null {
  const policy = 'arn' in key ? findAwsManagedPolicy(key.arn) : findAwsManagedPolicyById(key.id);
  return policy === null ? null : awsManagedPolicyRow(policy);
}

/**
 * Stores an AWS managed policy (row and current default version) so an attachment, boundary or session can
 * point at it. Idempotent and safe under concurrency (ON CONFLICT DO NOTHING); a stored copy whose default
 * version differs from the shipped catalogue (an older catalogue, or the curated copies of earlier
 * releases) is brought up to date, since AWS managed policies change only when AWS changes them.
 */
export async function storeAwsManagedPolicy(db: Writer, policy: AwsManagedPolicy): Promise<ManagedPolicy> {
  const row = awsManagedPolicyRow(policy);
  await db.$executeRaw`INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description", "created_at", "updated_at")
    VALUES (${row.id}, NULL, ${row.name}, ${row.nameKey}, ${row.path}, ${row.arn}, '', ${row.createdAt}, ${row.updatedAt}) ON CONFLICT DO NOTHING`;
  const current = await db.policyVersion.findFirst({
    where: { policyId: row.id, isDefault: true },
    select: { versionId: true, document: true },
  });
  if (current?.versionId !== policy.defaultVersionId || current.document !== policy.document) {
    const version = awsManagedPolicyVersionRow(policy);
    await db.policyVersion.deleteMany({ where: { policyId: row.id } });
    await db.$executeRaw`INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default", "created_at")
      VALUES (${version.policyId}, ${version.versionId}, ${version.document}, true, ${version.createdAt}) ON CONFLICT DO NOTHING`;
    await db.managedPolicy.update({
      where: { id: row.id },
      data: { path: row.path, arn: row.arn, updatedAt: row.updatedAt },
    });
  }
  return row;
}

/**
 * Brings every stored AWS managed policy up to the shipped catalogue (run at start-up, after migrations):
 * few rows are stored, so this is a handful of queries.
 */
export async function refreshStoredAwsManagedPolicies(prisma: PrismaClient): Promise<number> {
  const stored = await prisma.policyVersion.findMany({
    where: { isDefault: true, policy: { accountId: null } },
    select: { policyId: true, versionId: true, document: true },
  });
  let refreshed = 0;
  for (const version of stored) {
    const policy = findAwsManagedPolicyById(version.policyId);
    if (policy === null || (policy.defaultVersionId === version.versionId && policy.document === version.document))
      continue;
    await prisma.$transaction((tx) => storeAwsManagedPolicy(tx, policy));
    refreshed += 1;
  }
  return refreshed;
}
