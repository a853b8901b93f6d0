import type { PrismaClient } from '../../generated/prisma/client.js';
import { formatRootArn, type SessionTag } from '../../iam/index.js';
import type { CredentialStore, OperatorCredential, StoredSession } from './CredentialStore.js';
import type { SecretCipher } from './secretCipher.js';

/** Reads the session tags column, which holds `[{ key, value }]` as JSON. */
export function readSessionTags(json: unknown): SessionTag[] {
  if (!Array.isArray(json)) {
    return [];
  }
  return json.flatMap((item: unknown) => {
    const tag = item as { key?: unknown; value?: unknown } | null;
    return typeof tag?.key === 'string' && typeof tag.value === 'string' ? [{ key: tag.key, value: tag.value }] : [];
  });
}

/**
 * The credential store over the database: one primary-key lookup per request, secrets decrypted with the
 * configured key. Prisma stays here, so `authenticate` itself is tested without a database.
 */
export function createPrismaCredentialStore(
  prisma: PrismaClient,
  cipher: SecretCipher,
  operator: OperatorCredential | null,
): CredentialStore {
  return {
    operator,
    async findAccessKey(accessKeyId) {
      const key = await prisma.accessKey.findUnique({
        where: { id: accessKeyId },
        include: { user: { select: { arn: true } } },
      });
      if (key === null) {
        return null;
      }
      return {
        id: key.id,
        accountId: key.accountId,
        userId: key.userId,
        principalArn: key.user?.arn ?? formatRootArn(key.accountId),
        secretAccessKey: cipher.decrypt(key.secretEncrypted),
        status: key.status === 'Active' ? 'Active' : 'Inactive',
      };
    },
    async findSession(accessKeyId): Promise<StoredSession | null> {
      const session = await prisma.session.findUnique({
        where: { id: accessKeyId },
        include: { role: { select: { arn: true } } },
      });
      if (session === null) {
        return null;
      }
      return {
        id: session.id,
        accountId: session.accountId,
        arn: session.arn,
        principalUserId: session.assumedRoleId ?? session.userId ?? session.accountId,
        userId: session.userId,
        roleId: session.roleId,
        roleArn: session.role?.arn ?? null,
        sessionName: session.sessionName,
        sourceIdentity: session.sourceIdentity,
        tags: readSessionTags(session.tags),
        transitiveTagKeys: session.transitiveTagKeys,
        sessionPolicy: session.sessionPolicy,
        policyArns: session.policyArns,
        mfaAuthenticated: session.mfaAuthenticated,
        mfaAuthenticatedAt: session.mfaAuthenticatedAt,
        chained: session.chained,
        issuedAt: session.issuedAt,
        expiresAt: session.expiresAt,
        tokenHash: session.tokenHash,
        secretAccessKey: cipher.decrypt(session.secretEncrypted),
      };
    },
  };
}
