import type { Context } from '../../context.js';
import type { FederatedAccessGrant } from '../../generated/graphql.js';
import { findFederatedAccess } from '../../iam/analysis/index.js';
import { whoCanAccess } from '../access/access.service.js';
import { toRoleHop } from '../access/toAccessViews.js';

/**
 * whoCanAccessFederated: the identity providers whose tokens or assertions reach the access whoCanAccess
 * finds, each with the trust conditions that gate it. Answered from the same analysis index as whoCanAccess.
 */
export async function whoCanAccessFederated(
  context: Context,
  resourceArn: string,
  action: string,
): Promise<FederatedAccessGrant[]> {
  const grants = await whoCanAccess(context, resourceArn, action);
  return findFederatedAccess(grants).map((grant) => ({
    providerArn: grant.providerArn,
    action: grant.action,
    roleArn: grant.roleArn,
    conditions: grant.conditions.map(({ operator, key, values }) => ({ operator, key, values })),
    path: grant.path.hops.map(toRoleHop),
    matchedStatements: grant.matchedStatements,
  }));
}
