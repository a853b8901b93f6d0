import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeSessionRows } from './writeSessionRows.js';
import type { SessionTag } from '../../iam/index.js';
import { generateAccessKeyId, generateSecretAccessKey, generateSessionToken } from '../auth/generateIds.js';
import { hashSessionToken, type SecretCipher } from '../auth/secretCipher.js';

/** Temporary credentials as STS returns them; the secret and token exist in plain text only here. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What a new session row holds besides its credentials. */
export interface SessionRecord {
  accountId: string;
  roleId: string | null;
  userId: string | null;
  parentSessionId: string | null;
  sessionName: string | null;
  arn: string;
  assumedRoleId: string | null;
  callerArn: string;
  sourceIdentity: string | null;
  tags: readonly SessionTag[];
  transitiveTagKeys: readonly string[];
  sessionPolicy: string | null;
  policyArns: readonly string[];
  mfaAuthenticatedAt: Date | null;
  chained: boolean;
  issuedAt: Date;
  durationSeconds: number;
  /** The identity provider of a web identity session (aws:FederatedProvider). */
  federatedProvider?: string | null;
  /** The service holding the session (`ec2.amazonaws.com`, `lambda.amazonaws.com`) when a service was given the role. */
  servicePrincipal?: string | null;
  /** The instance or function a service session is for (ec2:SourceInstanceArn, lambda:SourceFunctionArn). */
  serviceSourceArn?: string | null;
}

/**
 * Creates a session with fresh credentials (`ASIA…` id, 40-character secret, random token). Only the
 * encrypted secret and the token's SHA-256 reach the database: a dump of it lets no one sign in.
 */
export async function issueSession(
  prisma: PrismaClient,
  cipher: SecretCipher,
  record: SessionRecord,
): Promise<IssuedCredentials> {
  const credentials: IssuedCredentials = {
    accessKeyId: generateAccessKeyId('ASIA'),
    secretAccessKey: generateSecretAccessKey(),
    sessionToken: generateSessionToken(),
    expiration: new Date(record.issuedAt.getTime() + record.durationSeconds * 1000),
  };
  await writeSessionRows(prisma, [
    {
      id: credentials.accessKeyId,
      accountId: record.accountId,
      roleId: record.roleId,
      userId: record.userId,
      parentSessionId: record.parentSessionId,
      sessionName: record.sessionName,
      arn: record.arn,
      assumedRoleId: record.assumedRoleId,
      callerArn: record.callerArn,
      secretEncrypted: cipher.encrypt(credentials.secretAccessKey),
      tokenHash: hashSessionToken(credentials.sessionToken),
      sourceIdentity: record.sourceIdentity,
      tags: record.tags.map((tag) => ({ key: tag.key, value: tag.value })),
      transitiveTagKeys: [...record.transitiveTagKeys],
      sessionPolicy: record.sessionPolicy,
      policyArns: [...record.policyArns],
      mfaAuthenticated: record.mfaAuthenticatedAt !== null,
      mfaAuthenticatedAt: record.mfaAuthenticatedAt,
      chained: record.chained,
      federatedProvider: record.federatedProvider ?? null,
      servicePrincipal: record.servicePrincipal ?? null,
      serviceSourceArn: record.serviceSourceArn ?? null,
      issuedAt: record.issuedAt,
      expiresAt: credentials.expiration,
    },
  ]);
  return credentials;
}
