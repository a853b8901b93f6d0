import { isPrincipalUniqueId } from '../arn/isPrincipalUniqueId.js';
import { parsePrincipal } from '../arn/parsePrincipal.js';
import { roleArnFromSessionArn } from '../arn/roleSessionArn.js';
import type { PolicyPrincipal } from '../policy/Policy.js';

/** Who is asking, as the principal matchers need it. */
export interface PrincipalIdentity {
  /** The caller's ARN (a session ARN for sessions), a service principal, or an account root ARN. */
  arn: string;
  /** Empty for service principals. */
  account: string;
  /** `Anonymous` for an unsigned request: only a `*` principal (or a NotPrincipal Deny) reaches it. */
  type: 'Account' | 'User' | 'AssumedRole' | 'FederatedUser' | 'Service' | 'Anonymous';
  /** For sessions: the role's ARN, with its path when known. */
  roleArn?: string | null;
  /** aws:userid: `AIDA…` for users, `AROA…:session` for sessions, the account id for root. */
  userId?: string | null;
  /**
   * For a federated user: the IAM user (or account root) whose GetFederationToken made it. A resource policy
   * naming that user grants within the session policy, as one naming a role does for the role's sessions.
   */
  federatingUserArn?: string | null;
}

/**
 * How a Principal element named the caller, which decides how far a resource policy's Allow reaches:
 * `direct` (the user, session or federated user ARN), `wildcard` (`*`), `service`, `role` (the role ARN
 * behind a session, or the IAM user behind a federated user), `account` (the account id or `:root`), or `none`.
 */
export type PrincipalMatch = 'direct' | 'wildcard' | 'service' | 'role' | 'account' | 'none';

/**
 * A compiled Principal test. `hasPermissionsBoundary` matters only to NotPrincipal, which AWS never lets
 * exclude a principal that has a permissions boundary.
 */
export type PrincipalMatcher = (principal: PrincipalIdentity, hasPermissionsBoundary?: boolean) => PrincipalMatch;

/**
 * Compiles a Principal (or, with `negate`, NotPrincipal) block into sets, so matching a request is a few
 * lookups. A role ARN matches the role's sessions even though session ARNs drop the role path. A user's or
 * role's unique id (what IAM shows in a stored policy for a principal deleted since) matches only the principal
 * holding it — the user, or the role's sessions — never a principal re-created with the same name.
 *
 * NotPrincipal follows AWS's documented evaluation: AWS checks the account, then the role or user, then the
 * session, so a principal is excluded only when its account is listed too (a user: account and user ARN; a
 * session: account and the role or session ARN), and never when it has a permissions boundary.
 */
export function compilePrincipalMatcher(block: PolicyPrincipal, negate: boolean): PrincipalMatcher {
  const direct = new Set<string>();
  const roles = new Set<string>();
  const roleNames = new Set<string>();
  const accounts = new Set<string>();
  const services = new Set<string>();
  const uniqueIds = new Set<string>();
  let wildcard = block.wildcard;
  let anyService = false;
  for (const value of block.aws) {
    if (value === '*') {
      wildcard = true;
      continue;
    }
    if (isPrincipalUniqueId(value)) {
      uniqueIds.add(value);
      continue;
    }
    const name = parsePrincipal(value);
    if (name === null) continue;
    if (name.kind === 'root') accounts.add(name.account);
    else if (name.kind === 'role') {
      roles.add(name.arn);
      roleNames.add(`${name.account}/${name.name}`);
    } else direct.add(name.arn);
  }
  for (const value of block.service) {
    if (value === '*') anyService = true;
    else services.add(value);
  }
  for (const value of block.federated) direct.add(value);
  const match = (principal: PrincipalIdentity): PrincipalMatch => {
    if (wildcard) return 'wildcard';
    if (principal.type === 'Service') return anyService || services.has(principal.arn) ? 'service' : 'none';
    if (principal.type === 'AssumedRole') {
      const roleArn = principal.roleArn ?? roleArnFromSessionArn(principal.arn);
      if (roleArn !== null && roles.has(roleArn)) return 'role';
      const session = parsePrincipal(principal.arn);
      if (session?.kind === 'assumedRole' && roleNames.has(`${session.account}/${session.name}`)) return 'role';
    }
    if (principal.type === 'FederatedUser' && principal.federatingUserArn && direct.has(principal.federatingUserArn))
      return 'role';
    if (direct.has(principal.arn)) return 'direct';
    if (uniqueIds.size > 0 && principal.userId != null) {
      const colon = principal.userId.indexOf(':');
      if (uniqueIds.has(colon < 0 ? principal.userId : principal.userId.slice(0, colon)))
        return principal.type === 'AssumedRole' ? 'role' : 'direct';
    }
    if (accounts.has(principal.account)) return 'account';
    return 'none';
  };
  if (!negate) return (principal) => match(principal);
  const isExcluded = (principal: PrincipalIdentity): boolean => {
    if (wildcard) return true;
    if (principal.type === 'Service') return match(principal) !== 'none';
    if (!accounts.has(principal.account)) return false;
    return principal.type === 'Account' || match(principal) !== 'account';
  };
  return (principal, hasPermissionsBoundary) =>
    hasPermissionsBoundary !== true && isExcluded(principal) ? 'none' : 'wildcard';
}
