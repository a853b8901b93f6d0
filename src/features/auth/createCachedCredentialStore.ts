import { formatRootArn, type SessionTag } from '../../iam/index.js';
import type { Queryable } from '../access/Queryable.js';
import type { RequestVersion } from '../cache/RequestVersion.js';
import type { VersionedCache } from '../cache/createVersionedCache.js';
import type { CredentialStore, OperatorCredential, StoredAccessKey, StoredSession } from './CredentialStore.js';
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

/** The process-wide caches of credentials, by access key id (secrets decrypted: the process holds the key anyway). */
export interface CredentialCaches {
  accessKeys: VersionedCache<string, StoredAccessKey>;
  sessions: VersionedCache<string, StoredSession>;
}

// Each statement reads the authorization version beside the row, from the same snapshot: on a miss the lookup is
// also the request's version check, and the cached entry is exactly as new as that version.
const ACCESS_KEY_SQL = `SELECT v.version, k.id, k.account_id, k.user_id, k.secret_encrypted, k.status, u.arn AS user_arn
  FROM authorization_version v LEFT JOIN access_key k ON k.id = $1 LEFT JOIN iam_user u ON u.id = k.user_id WHERE v.id = 1`;
const SESSION_SQL = `SELECT v.version, s.id, s.account_id, s.arn, s.assumed_role_id, s.user_id, s.role_id, r.arn AS role_arn, s.session_name,
    s.source_identity, s.tags, s.transitive_tag_keys, s.session_policy, s.policy_arns, s.mfa_authenticated, s.mfa_authenticated_at,
    s.chained, s.issued_at, s.expires_at, s.token_hash, s.secret_encrypted
  FROM authorization_version v LEFT JOIN session s ON s.id = $1 LEFT JOIN iam_role r ON r.id = s.role_id WHERE v.id = 1`;

interface AccessKeyRow {
  version: string;
  id: string | null;
  account_id: string;
  user_id: string | null;
  secret_encrypted: string;
  status: string;
  user_arn: string | null;
}

interface SessionRow {
  version: string;
  id: string | null;
  account_id: string;
  arn: string;
  assumed_role_id: string | null;
  user_id: string | null;
  role_id: string | null;
  role_arn: string | null;
  session_name: string | null;
  source_identity: string | null;
  tags: unknown;
  transitive_tag_keys: string[];
  session_policy: string | null;
  policy_arns: string[];
  mfa_authenticated: boolean;
  mfa_authenticated_at: Date | null;
  chained: boolean;
  issued_at: Date;
  expires_at: Date;
  token_hash: string;
  secret_encrypted: string;
}

/**
 * The credential store over the database, behind version-keyed caches: a signed request of a cached caller
 * costs the request's version check and nothing else; a miss costs one statement that reads the row and the
 * version together. Rows are read with plain SQL on the pool, so `authenticate` itself stays tested without a
 * database and the lookup needs no Prisma round trip.
 */
export function createCachedCredentialStore(
  db: Queryable,
  cipher: SecretCipher,
  operator: OperatorCredential | null,
  caches: CredentialCaches,
  version: RequestVersion,
): CredentialStore {
  return {
    operator,
    findAccessKey: (accessKeyId) =>
      caches.accessKeys.get(accessKeyId, version, async () => {
        const row = (await db.query<AccessKeyRow>(ACCESS_KEY_SQL, [accessKeyId])).rows[0]!;
        if (row.id === null) return { version: Number(row.version), value: null };
        const key: StoredAccessKey = {
          id: row.id,
          accountId: row.account_id,
          userId: row.user_id,
          principalArn: row.user_arn ?? formatRootArn(row.account_id),
          secretAccessKey: cipher.decrypt(row.secret_encrypted),
          status: row.status === 'Active' ? 'Active' : 'Inactive',
        };
        return { version: Number(row.version), value: key };
      }),
    findSession: (accessKeyId) =>
      caches.sessions.get(accessKeyId, version, async () => {
        const row = (await db.query<SessionRow>(SESSION_SQL, [accessKeyId])).rows[0]!;
        if (row.id === null) return { version: Number(row.version), value: null };
        const session: StoredSession = {
          id: row.id,
          accountId: row.account_id,
          arn: row.arn,
          principalUserId: row.assumed_role_id ?? row.user_id ?? row.account_id,
          userId: row.user_id,
          roleId: row.role_id,
          roleArn: row.role_arn,
          sessionName: row.session_name,
          sourceIdentity: row.source_identity,
          tags: readSessionTags(row.tags),
          transitiveTagKeys: row.transitive_tag_keys,
          sessionPolicy: row.session_policy,
          policyArns: row.policy_arns,
          mfaAuthenticated: row.mfa_authenticated,
          mfaAuthenticatedAt: row.mfa_authenticated_at,
          chained: row.chained,
          issuedAt: row.issued_at,
          expiresAt: row.expires_at,
          tokenHash: row.token_hash,
          secretAccessKey: cipher.decrypt(row.secret_encrypted),
        };
        return { version: Number(row.version), value: session };
      }),
  };
}
