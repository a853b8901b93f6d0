/**
 * What a write changed, so indexes rebuild only that: some accounts' IAM data, the organizations (OUs,
 * accounts, SCP/RCPs, re-read whole on any change), or anything.
 */
export type AuthorizationScope =
  | { kind: 'accounts'; accountIds: string[] }
  | { kind: 'organization' }
  | { kind: 'all' }
  /** Access keys or sessions were updated or deleted: credential caches drop entries, the index reloads nothing. */
  | { kind: 'credentials' };

/** A transaction handle: a Prisma interactive transaction client or a pg client inside BEGIN … COMMIT. */
export type AuthorizationTransaction =
  | { $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown> }
  | { query(text: string, values?: unknown[]): Promise<unknown> };

/** The Postgres channel on which authorization changes are announced (the payload is the new version). */
export const AUTHORIZATION_CHANNEL = 'iam_authorization_changed';

const RECORD_SQL = 'SELECT "authorization_record"($1::jsonb)';

/**
 * Records, inside the caller's transaction, that a write changed what the authorization index holds: bumps the
 * version counter, logs the scope and NOTIFYs other processes, committing or rolling back with the write.
 * Database triggers already record every insert, update and delete of the tables the index reads (users,
 * groups, roles, policies, versions, attachments, memberships, tags, resources, accounts, OUs, SCP/RCPs), so
 * services need this only for changes the triggers cannot see — or `{ kind: 'all' }` after bulk loads that
 * disabled triggers.
 */
export async function notifyAuthorizationChanged(
  tx: AuthorizationTransaction,
  scope: AuthorizationScope,
): Promise<void> {
  const payload = JSON.stringify(scope);
  if ('$queryRawUnsafe' in tx) await tx.$queryRawUnsafe(RECORD_SQL, payload);
  else await tx.query(RECORD_SQL, [payload]);
}
