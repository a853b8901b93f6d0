import DataLoader from 'dataloader';
import type { Database } from '../../db/openDatabase.js';
import type { RequestVersion } from '../cache/RequestVersion.js';
import type { IndexSnapshot } from './createAuthorizationIndex.js';
import { getAuthorizationIndex } from './getAuthorizationIndex.js';

/** Per-request access data: the index snapshot (checked once per request) and managed policy texts by ARN. */
export interface AccessLoaders {
  /** The authorization index as of this request: one version check, however many fields ask. */
  snapshot(): Promise<IndexSnapshot>;
  /** The default version's text of managed policies by ARN (managed session policies), null when unknown. */
  managedPolicyDocument: DataLoader<string, string | null>;
}

/**
 * Creates the access loaders of one request (held on the context with the other loaders). Every analysis
 * field of a request shares one snapshot, so the number of SQL statements a query issues does not grow with
 * the number of principals it asks about. The snapshot is taken as of the request's authorization version
 * (`version`), the one check the request's caches share.
 */
export function createAccessLoaders(database: Pick<Database, 'pool'>, version: RequestVersion): AccessLoaders {
  let snapshot: Promise<IndexSnapshot> | null = null;
  return {
    snapshot: () => (snapshot ??= version.get().then((read) => getAuthorizationIndex(database.pool).current(read))),
    managedPolicyDocument: new DataLoader(async (arns) => {
      const { rows } = await database.pool.query<{ arn: string; document: string }>(
        'SELECT mp.arn, pv.document FROM managed_policy mp JOIN policy_version pv ON pv.policy_id = mp.id AND pv.is_default WHERE mp.arn = ANY($1::text[])',
        [arns],
      );
      const byArn = new Map(rows.map((row) => [row.arn, row.document]));
      return arns.map((arn) => byArn.get(arn) ?? null);
    }),
  };
}
