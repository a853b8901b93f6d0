import type { CallerSession } from './Caller.js';

/** A long-term access key (`AKIA…`) with its secret decrypted, and the principal that owns it. */
export interface StoredAccessKey {
  id: string;
  accountId: string;
  /** null for an account root user's key. */
  userId: string | null;
  /** The owner's ARN: the user's, or `arn:aws:iam::ACCT:root`. */
  principalArn: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
}

/** Temporary credentials (`ASIA…`) as stored: secret decrypted, token only as its SHA-256 hash. */
export interface StoredSession extends CallerSession {
  accountId: string;
  /** The principal's ARN: the assumed-role ARN, or the user's/root's ARN for getSessionToken. */
  arn: string;
  /** `aws:userid` of the session's principal. */
  principalUserId: string;
  /** The user behind a getSessionToken session; null for role sessions. */
  userId: string | null;
  tokenHash: string;
  secretAccessKey: string;
}

/** The bootstrap operator credential, which acts as any account's root. */
export interface OperatorCredential {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  accountId: string;
}

/**
 * Where `authenticate` looks credentials up. An interface so authentication is tested without a database
 * and the Prisma-backed store can batch or cache as it likes.
 */
export interface CredentialStore {
  findAccessKey(accessKeyId: string): Promise<StoredAccessKey | null>;
  findSession(accessKeyId: string): Promise<StoredSession | null>;
  readonly operator: OperatorCredential | null;
}
