import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { PolicyCondition, PolicyStatement } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { AuthorizationModel } from './AuthorizationModel.js';

/** The zone of trust: one account, or every account of an organization. */
export interface TrustZone {
  accountIds: ReadonlySet<string>;
  /** Set when the zone is an organization: `aws:PrincipalOrgID` equal to it keeps access inside. */
  organizationId: string | null;
}

/** An Access Analyzer-style finding: a role or resource in the zone that a principal outside it can use. */
export interface ExternalAccessFinding {
  resourceArn: string;
  /** `role` for a trust policy, else the resource's type (`bucket`, `key`, ...). */
  resourceType: string;
  accountId: string;
  /** The outside principal as the policy names it (`*`, an account, an ARN, a federated provider). */
  principal: string;
  /** Whether anyone at all is granted (`*` without a condition that narrows it to the zone). */
  isPublic: boolean;
  actions: string[];
  /** The policy's id and the granting statement. */
  sourcePolicyId: string;
  statementId: string | null;
  statementIndex: number;
  /** `operator key` of each condition the grant depends on, e.g. `StringEquals sts:ExternalId`. */
  conditions: string[];
}

const ZONE_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:principalorgpaths',
]);

/**
 * Finds external access into a zone of trust, as IAM Access Analyzer does: for each role's trust policy and
 * each resource policy in the zone, every Allow statement whose Principal names something outside the zone.
 * `*` counts as external unless a condition pins the caller to the zone (aws:PrincipalOrgID, aws:PrincipalAccount,
 * ...); service principals are AWS services acting on the zone's behalf and are not reported.
 */
export function findExternalAccess(model: AuthorizationModel, zone: TrustZone): ExternalAccessFinding[] {
  const findings: ExternalAccessFinding[] = [];
  const scan = (
    resourceArn: string,
    resourceType: string,
    accountId: string,
    policyId: string,
    statements: readonly PolicyStatement[],
  ) => {
    for (const statement of statements) {
      if (statement.effect !== 'Allow') continue;
      const pinned = statement.conditions.some((condition) => pinsToZone(condition, zone));
      for (const principal of outsidePrincipals(statement, zone)) {
        const wildcard = principal === '*';
        if (wildcard && pinned) continue;
        findings.push({
          resourceArn,
          resourceType,
          accountId,
          principal,
          isPublic: wildcard && statement.conditions.length === 0,
          actions: statement.action ?? (statement.notAction ?? []).map((action) => `NotAction:${action}`),
          sourcePolicyId: policyId,
          statementId: statement.sid,
          statementIndex: statement.index,
          conditions: statement.conditions.map((condition) => `${condition.operator} ${condition.key}`),
        });
      }
    }
  };
  // Only the zone's accounts are read: the cost follows the zone, not the organization.
  const slices = [...model.slices.values()].filter((slice) => zone.accountIds.has(slice.accountId));
  for (const role of slices.flatMap((slice) => slice.roles)) {
    scan(
      role.arn,
      'role',
      role.accountId,
      `${role.arn}#trust`,
      role.trustStatements.map((s) => s.parsed),
    );
  }
  for (const resource of slices.flatMap((slice) => slice.resources)) {
    if (resource.policy === null) continue;
    const text = model.policyDocuments.get(resource.arn);
    const parsed = text === undefined ? null : parsePolicy(text, 'resource').policy;
    if (parsed !== null) scan(resource.arn, resource.resourceType, resource.accountId, resource.arn, parsed.statements);
  }
  return findings;
}

/** The principals of a statement outside the zone; NotPrincipal grants everyone it does not name. */
function outsidePrincipals(statement: PolicyStatement, zone: TrustZone): string[] {
  if (statement.notPrincipal !== null) return ['*'];
  const block = statement.principal;
  if (block === null) return [];
  if (block.wildcard) return ['*'];
  const outside: string[] = [...block.federated, ...block.canonicalUser];
  for (const value of block.aws) {
    const name = parsePrincipal(value);
    if (name === null) continue;
    if (name.kind === 'wildcard') outside.push('*');
    else if (name.account !== '' && !zone.accountIds.has(name.account)) outside.push(value);
  }
  return outside;
}

/** Whether a condition limits callers to the zone (every value it accepts lies inside). */
function pinsToZone(condition: PolicyCondition, zone: TrustZone): boolean {
  const key = condition.key.toLowerCase();
  const operator = condition.operator.toLowerCase();
  if (!ZONE_KEYS.has(key) || operator.includes('not') || operator.includes('ifexists') || condition.values.length === 0)
    return false;
  return condition.values.every((value) => {
    if (key === 'aws:principalorgid' || key === 'aws:sourceorgid')
      return zone.organizationId !== null && value === zone.organizationId;
    if (key === 'aws:principalorgpaths')
      return zone.organizationId !== null && value.startsWith(`${zone.organizationId}/`);
    return zone.accountIds.has(value);
  });
}
