import type { Context } from '../../context.js';
import { buildPassRoleContext } from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';

/**
 * iam:PassRole as AWS checks it: not an API call but a permission checked, through the one door, whenever a
 * role ARN is handed to a service — on the role's ARN, with `iam:PassedToService` (the service principal
 * that will assume it) and `iam:AssociatedResourceArn` (what the role is attached to). A denial is
 * AccessDenied with AWS's message ("User: … is not authorized to perform: iam:PassRole on resource: ROLE
 * because no identity-based policy allows the iam:PassRole action"). Cross-account roles are denied,
 * as a role can only be passed within its account.
 */
export async function authorizePassRole(
  context: Context,
  role: { arn: string; accountId: string },
  servicePrincipal: string,
  associatedResourceArn: string,
): Promise<void> {
  await authorize(context, {
    action: 'iam:PassRole',
    resourceArn: role.arn,
    resourceAccountId: role.accountId,
    context: buildPassRoleContext(servicePrincipal, associatedResourceArn),
  });
}
