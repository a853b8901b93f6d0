import type { PolicyCondition } from '../policy/Policy.js';
import type { MatchedStatement } from '../simulationTypes.js';
import type { RolePath } from './findAssumeRolePaths.js';
import type { AccessGrant } from './findWhoCanAccess.js';

/** The federated actions, by the kind of identity provider a trust policy names. */
const FEDERATED_ACTIONS = ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'] as const;

/**
 * "Anyone holding a token from provider X whose claims meet these conditions": an identity provider that a
 * role's trust policy admits, where the role (directly or through further role assumptions) can perform the
 * action asked about.
 */
export interface FederatedGrant {
  /** The IAM OIDC or SAML provider ARN, or a built-in IdP such as `accounts.google.com`. */
  providerArn: string;
  action: (typeof FEDERATED_ACTIONS)[number];
  /** The role the token or assertion is exchanged for. */
  roleArn: string;
  /** The trust statement's conditions: what the token's claims or the assertion must satisfy. */
  conditions: PolicyCondition[];
  /** The role assumptions after the federated one that lead to access (empty when the role has access itself). */
  path: RolePath;
  /** The statements that allow the final action. */
  matchedStatements: MatchedStatement[];
}

const matchesAction = (patterns: readonly string[], action: string): boolean =>
  patterns.some((pattern) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    ).test(action),
  );

/**
 * The federated principals behind whoCanAccess's answer: for every role that has access (itself or through a
 * chain), each Allow of its trust policy naming a `Federated` principal for AssumeRoleWithWebIdentity or
 * AssumeRoleWithSAML, with the conditions that gate it. (Whether some token satisfies the conditions depends
 * on the identity provider, so each is reported with its conditions rather than decided.)
 */
export function findFederatedAccess(grants: readonly AccessGrant[]): FederatedGrant[] {
  const out: FederatedGrant[] = [];
  for (const grant of grants) {
    if (grant.principal.kind !== 'role') continue;
    for (const { parsed } of grant.principal.trustStatements) {
      if (
        parsed.effect !== 'Allow' ||
        parsed.principal === null ||
        parsed.principal.federated.length === 0 ||
        parsed.action === null
      )
        continue;
      for (const action of FEDERATED_ACTIONS) {
        if (!matchesAction(parsed.action, action)) continue;
        for (const providerArn of parsed.principal.federated) {
          out.push({
            providerArn,
            action,
            roleArn: grant.principal.arn,
            conditions: parsed.conditions,
            path: grant.path,
            matchedStatements: grant.matchedStatements,
          });
        }
      }
    }
  }
  return out;
}
