import type { ManagedPolicy } from '../../generated/prisma/client.js';
import { connectionFromSortedList, type PageArgs } from '../../graphql/connection.js';
import { listAwsManagedPolicies as listCatalogue } from '../../iam/index.js';
import { awsManagedPolicyRow } from './awsManagedPolicyRows.js';

let byNameKey: ManagedPolicy[] | null = null;

/**
 * A page of the AWS managed policies ordered by lower-cased name, from the shipped catalogue (every AWS
 * managed policy, stored or not), forward or backward between cursors: no query is needed.
 */
export function listAwsManagedPolicies(args: PageArgs) {
  byNameKey ??= listCatalogue()
    .map(awsManagedPolicyRow)
    .sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  return connectionFromSortedList(byNameKey, args, (policy) => [policy.nameKey]);
}
