import type { Context } from '../../context.js';
import { organizationAnalyzerCheck } from './analyzerCheck.js';
import { isAuthorized } from './authorize.js';

/** A stored user or role an analysis answer names. */
export interface NamedPrincipal {
  kind: 'user' | 'role';
  arn: string;
  accountId: string;
}

/**
 * Whether the caller may read a principal an analysis answer names (iam:GetUser / iam:GetRole on it, in its
 * account), so whoCanAccess, whoCan and assumeRolePaths show only the principals and roles the caller could
 * have looked up itself. A principal of another account of the caller's organization is named by the caller's
 * organization analyzer's findings instead (access-analyzer:ListFindings on it; see `analyzerCheck`). The
 * operator and an account's root see everything in their scope.
 */
export async function mayReadPrincipal(context: Context, principal: NamedPrincipal): Promise<boolean> {
  const viaOrganization = await organizationAnalyzerCheck(context, principal.accountId);
  return isAuthorized(
    context,
    viaOrganization ?? {
      action: principal.kind === 'user' ? 'iam:GetUser' : 'iam:GetRole',
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
