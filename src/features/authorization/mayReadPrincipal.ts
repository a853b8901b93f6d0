import type { Context } from '../../context.js';
import { organizationAnalyzerCheck } from './analyzerCheck.js';
import { isAuthorized } from './authorize.js';

/** A stored user, role or group an analysis answer names. */
export interface NamedPrincipal {
  kind: 'user' | 'role' | 'group';
  arn: string;
  accountId: string;
}

const readActions = { user: 'iam:GetUser', role: 'iam:GetRole', group: 'iam:GetGroup' } as const;

/**
 * Whether the caller may read a principal an analysis answer names (iam:GetUser / iam:GetRole / iam:GetGroup on
 * it, in its account), so whoCanAccess, whoCan, assumeRolePaths and accessGraph show only the principals the caller could
 * have looked up itself. A principal of another account of the caller's organization is named by the caller's
 * organization analyzer's findings instead (access-analyzer:ListFindings on it; see `analyzerCheck`). The
 * operator and an account's root see everything in their scope.
 */
export async function mayReadPrincipal(context: Context, principal: NamedPrincipal): Promise<boolean> {
  const viaOrganization = await organizationAnalyzerCheck(context, principal.accountId);
  return isAuthorized(
    context,
    viaOrganization ?? {
      action: readActions[principal.kind],
      resourceArn: principal.arn,
      resourceAccountId: principal.accountId,
    },
  );
}

/** Keeps the items whose every named principal the caller may read; all decided together so their loads batch. */
export async function keepReadable<T>(
  context: Context,
  items: readonly T[],
  principalsOf: (item: T) => NamedPrincipal[],
): Promise<T[]> {
  const keep = await Promise.all(
    items.map(async (item) =>
      (await Promise.all(principalsOf(item).map((p) => mayReadPrincipal(context, p)))).every(Boolean),
    ),
  );
  return items.filter((_item, i) => keep[i]);
}
