import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { IndexSnapshot } from './createAuthorizationIndex.js';
import { getAuthorizationIndex } from './getAuthorizationIndex.js';

/** Per-request access data: the index snapshot (checked once per request) and managed policy texts by ARN. */
export interface AccessLoaders {
  /** The authorization index as of this request: one version check, however many fields ask. */
  snapshot(): Promise<IndexSnapshot>;
  /** The default version's text of managed policies by ARN (managed session policies), null when unknown. */
  managedPolicyDocument: DataLoader<string, string | null>;
}

const perRequest = new WeakMap<Context, AccessLoaders>();

/**
 * The access loaders of one request, created on first use and tied to the request's context object (so they
 * die with it). Every canPerform field of a request shares one snapshot, so the number of SQL statements a
 * query issues does not grow with the number of principals it asks about.
 */
export function getAccessLoaders(context: Context): AccessLoaders {
  let loaders = perRequest.get(context);
  if (loaders === undefined) {
    let snapshot: Promise<IndexSnapshot> | null = null;
    loaders = {
      snapshot: () => (snapshot ??= context.authorizationVersion.get().then((version) => getAuthorizationIndex(context.database.pool).current(version))),
      managedPolicyDocument: new DataLoader(async (arns) => {
        const { rows } = await context.database.pool.query<{ arn: string; document: string }>(
          'SELECT mp.arn, pv.document FROM managed_policy mp JOIN policy_version pv ON pv.policy_id = mp.id AND pv.is_default WHERE mp.arn = ANY($1::text[])',
          [arns],
        );
        const byArn = new Map(rows.map((row) => [row.arn, row.document]));
        return arns.map((arn) => byArn.get(arn) ?? null);
      }),
    };
    perRequest.set(context, loaders);
  }
  return loaders;
}
