import { compileActionMatcher } from '../match/compileElementMatchers.js';
import type { PolicyCondition, PolicyPrincipal, PolicyStatement } from '../policy/Policy.js';
import type { MatchedStatement } from '../simulationTypes.js';
import type { AnalysisRole } from './AuthorizationModel.js';
import type { AssumeRoleGraph } from './createAssumeRoleGraph.js';
import type { AssumeRoleHop } from './evaluateAssumeRoleHop.js';
import { describePath, findAssumeRolePaths, PATH_LIMITS, type RolePath } from './findAssumeRolePaths.js';
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

/** Whether a statement's Action (or NotAction) covers `action`, with the engine's own matcher. */
function coversAction(statement: PolicyStatement, action: string): boolean {
  const patterns = statement.action ?? statement.notAction;
  return patterns !== null && compileActionMatcher(patterns, statement.action === null)(action.toLowerCase());
}

/** Whether a statement's Principal (or NotPrincipal) admits the identity provider's users. */
function coversProvider(statement: PolicyStatement, providerArn: string): boolean {
  const names = (principal: PolicyPrincipal) => principal.wildcard || principal.federated.includes(providerArn);
  if (statement.principal !== null) return names(statement.principal);
  return statement.notPrincipal !== null && !names(statement.notPrincipal);
}

/** One way into a role from an identity provider: the federated action and the trust conditions that gate it. */
export interface FederatedTrust {
  providerArn: string;
  action: (typeof FEDERATED_ACTIONS)[number];
  conditions: PolicyCondition[];
}

/**
 * Each Allow of a role's trust policy naming a `Federated` principal (only `providerArn`, when given) for
 * AssumeRoleWithWebIdentity or AssumeRoleWithSAML, with its conditions. (Whether some token satisfies the
 * conditions depends on the identity provider, so each is reported with its conditions rather than decided.)
 * A Deny without conditions that covers the action and the provider closes that way in, as it would for every
 * token; a Deny with conditions depends on the claims too, and is left to the simulator.
 */
export function listFederatedTrust(role: AnalysisRole, providerArn?: string): FederatedTrust[] {
  const out: FederatedTrust[] = [];
  const statements = role.trustStatements.map(({ parsed }) => parsed);
  const deniedOutright = (provider: string, action: string) =>
    statements.some(
      (statement) =>
        statement.effect === 'Deny' &&
        statement.conditions.length === 0 &&
        coversAction(statement, action) &&
        coversProvider(statement, provider),
    );
  for (const parsed of statements) {
    if (parsed.effect !== 'Allow' || parsed.principal === null) continue;
    for (const action of FEDERATED_ACTIONS) {
      if (!coversAction(parsed, action)) continue;
      for (const provider of parsed.principal.federated)
        if ((providerArn === undefined || provider === providerArn) && !deniedOutright(provider, action))
          out.push({ providerArn: provider, action, conditions: parsed.conditions });
    }
  }
  return out;
}

/**
 * The federated principals behind whoCanAccess's answer: for every role that has access (itself or through a
 * chain), each way into it from an identity provider (see listFederatedTrust).
 */
export function findFederatedAccess(grants: readonly AccessGrant[]): FederatedGrant[] {
  return grants.flatMap((grant) =>
    grant.principal.kind !== 'role'
      ? []
      : listFederatedTrust(grant.principal).map((trust) => ({
          ...trust,
          roleArn: grant.principal.arn,
          path: grant.path,
          matchedStatements: grant.matchedStatements,
        })),
  );
}

/**
 * assumeRolePaths from an identity provider: "anyone holding a token (or assertion) from `providerArn` that
 * meets the conditions" is the starting principal. The first hop exchanges it for a role whose trust policy
 * admits the provider (carrying the action and conditions); the rest are the sts:AssumeRole chains from that
 * role's session to the target (findAssumeRolePaths), so the hops after the first are role chaining.
 * Shortest first, at most {@link PATH_LIMITS}.maxPaths.
 */
export function findFederatedRolePaths(
  graph: AssumeRoleGraph,
  roles: ReadonlyMap<string, AnalysisRole>,
  providerArn: string,
  target: AnalysisRole,
  maxDepth: number = PATH_LIMITS.defaultDepth,
): RolePath[] {
  const depth = Math.max(0, Math.min(maxDepth, PATH_LIMITS.maxDepth));
  const paths: RolePath[] = [];
  if (depth === 0) return paths;
  for (const role of roles.values()) {
    for (const trust of listFederatedTrust(role, providerArn)) {
      const first: AssumeRoleHop = {
        callerArn: providerArn,
        roleArn: role.arn,
        requirements: { externalId: null, mfa: false, sourceIdentity: null, sessionTags: [], roleSessionName: null },
        matchedStatements: [],
        federatedThrough: { action: trust.action, conditions: trust.conditions },
      };
      if (role.arn === target.arn) paths.push(describePath([first], roles));
      else
        for (const rest of findAssumeRolePaths(graph, roles, role, target, depth - 1))
          paths.push(describePath([first, ...rest.hops], roles));
    }
  }
  return paths.sort((a, b) => a.hops.length - b.hops.length).slice(0, PATH_LIMITS.maxPaths);
}
