import type { ManagedPolicy } from '../../generated/prisma/client.js';
import { connectionFromRows, readPageArgs, type PageArgs } from '../../graphql/connection.js';
import { listAwsManagedPolicies as listCatalogue } from '../../iam/index.js';
import { awsManagedPolicyRow } from './awsManagedPolicyRows.js';

let byNameKey: ManagedPolicy[] | null = null;

/**
 * A page of the AWS managed policies ordered by lower-cased name, from the shipped catalogue (every AWS
 * managed policy, stored or not): a binary search finds the cursor, no query is needed.
 */
export function listAwsManagedPolicies(args: PageArgs) {
  const request = readPageArgs(args);
  byNameKey ??= listCatalogue()
    .map(awsManagedPolicyRow)
    .sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  const after = request.after?.[0];
  let start = 0;
  if (after !== undefined) {
    let high = byNameKey.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (byNameKey[middle]!.nameKey <= String(after)) start = middle + 1;
      else high = middle;
    }
  }
  return connectionFromRows(byNameKey.slice(start, start + request.first + 1), request, (policy) => [policy.nameKey]);
}
