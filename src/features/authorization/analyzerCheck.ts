import type { Context } from '../../context.js';
import { formatAnalyzerArn } from '../../iam/index.js';
import { requireCaller, type AuthorizationCheck } from './authorize.js';

/** The region the playground's analyzers are said to live in (access analysis has no region of its own here). */
const ANALYZER_REGION = 'us-east-1';

/** access-analyzer:ListFindings on an analyzer of the account: IAM Access Analyzer's read of who can reach what. */
export const listFindingsCheck = (
  accountId: string,
  analyzer: 'playground' | 'organization' = 'playground',
): AuthorizationCheck => ({
  action: 'access-analyzer:ListFindings',
  resourceArn: formatAnalyzerArn(ANALYZER_REGION, accountId, analyzer),
  resourceAccountId: accountId,
});

/**
 * The analyzer whose findings answer a question about an account's resources, as IAM Access Analyzer has it:
 * the caller's own account analyzer for its own account; for another account of the caller's organization,
 * the organization analyzer, which AWS hosts in the management account or a delegated administrator account
 * (the playground lets every member account be that administrator, so it is the caller's own
 * `analyzer/organization`); for any other account, that account's analyzer, which is cross-account and so
 * denied unless a resource policy allowed it.
 */
export async function analyzerCheck(context: Context, ownerAccountId: string): Promise<AuthorizationCheck> {
  const caller = requireCaller(context).accountId;
  if (ownerAccountId === caller) return listFindingsCheck(caller);
  return (await organizationAnalyzerCheck(context, ownerAccountId)) ?? listFindingsCheck(ownerAccountId);
}

/**
 * The caller's organization analyzer when the account is another account of the caller's organization, else
 * null: what lets an analysis answer about such an account (and name its principals) without the IAM reads
 * of that account, which a caller can never have across accounts.
 */
export async function organizationAnalyzerCheck(
  context: Context,
  accountId: string,
): Promise<AuthorizationCheck | null> {
  const caller = requireCaller(context).accountId;
  if (accountId === caller) return null;
  const [callerAccount, other] = await Promise.all([
    context.loaders.accounts.byId.load(caller),
    context.loaders.accounts.byId.load(accountId),
  ]);
  const organizationId = callerAccount?.organizationId ?? null;
  return organizationId !== null && organizationId === (other?.organizationId ?? null)
    ? listFindingsCheck(caller, 'organization')
    : null;
}
