import { formatIamArn } from '../arn/formatArns.js';
import { isAccountId, parseArn } from '../arn/parseArn.js';
import { parsePrincipal } from '../arn/parsePrincipal.js';
import { roleArnFromSessionArn } from '../arn/roleSessionArn.js';
import type { EnginePrincipal } from './EngineRequest.js';

/** The caller ARN that stands for an unsigned (anonymous) request in the simulator. */
export const ANONYMOUS_CALLER = 'anonymous';

/** The account the simulator assumes when neither a caller nor a resource owner names one. */
export const DEFAULT_SIMULATION_ACCOUNT = '123456789012';

/**
 * Describes a simulator caller from its ARN: an account root (or bare account id), a user, a role (treated
 * as a session of that role), a role session, a federated user or a service principal. When no caller is
 * given, a user `SimulatedUser` in the resource owner's account (else {@link DEFAULT_SIMULATION_ACCOUNT})
 * stands in, like AWS's simulator defaulting to the calling user; `anonymous` is an unsigned request (an
 * extension: AWS's simulator has no anonymous caller). Returns null for an unusable ARN.
 */
export function createPrincipalFromArn(
  callerArn: string | null | undefined,
  ownerAccount: string | null,
): EnginePrincipal | null {
  if (callerArn === ANONYMOUS_CALLER) return { arn: ANONYMOUS_CALLER, account: '', type: 'Anonymous' };
  if (callerArn === null || callerArn === undefined || callerArn === '') {
    const account = ownerAccount ?? DEFAULT_SIMULATION_ACCOUNT;
    return { arn: formatIamArn(account, 'user', 'SimulatedUser'), account, type: 'User', username: 'SimulatedUser' };
  }
  const name = parsePrincipal(callerArn);
  if (name === null) return null;
  switch (name.kind) {
    case 'wildcard':
      return null;
    case 'root':
      return { arn: name.arn, account: name.account, type: 'Account', userId: name.account };
    case 'user':
      return { arn: name.arn, account: name.account, type: 'User', username: name.name };
    case 'role':
      return { arn: name.arn, account: name.account, type: 'AssumedRole', roleArn: name.arn };
    case 'assumedRole':
      // aws:PrincipalArn of a session is its role's ARN (the path is unknown from the session ARN alone).
      return {
        arn: name.arn,
        account: name.account,
        type: 'AssumedRole',
        roleArn: roleArnFromSessionArn(name.arn) ?? undefined,
      };
    case 'federatedUser':
      return { arn: name.arn, account: name.account, type: 'FederatedUser' };
    case 'service':
      return { arn: name.arn, account: '', type: 'Service' };
  }
}

/** Reads a resource owner given as an account id or `arn:aws:iam::ID:root`; null when invalid. */
export function parseResourceOwner(owner: string): string | null {
  if (isAccountId(owner)) return owner;
  const arn = parseArn(owner);
  return arn !== null && arn.service === 'iam' && arn.resource === 'root' && isAccountId(arn.account)
    ? arn.account
    : null;
}
