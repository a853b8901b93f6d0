import type { Decision } from '../../src/iam/index.js';

/**
 * A naive, readable model of AWS's decision rule for a subset of the policy language, written straight from
 * the IAM User Guide's "Policy evaluation logic" page with no caching or compiling, so the optimised engine can
 * be checked against it on random inputs (test/engine/referenceModel.test.ts).
 *
 * The subset: Effect, Action/NotAction, Resource/NotResource, Principal (`*`, `{"AWS": arn | [arns]}`), and
 * Condition with the String*, Numeric* and Bool operators (each with `IfExists`) over single-valued keys.
 * The caller is an IAM user; the resource lives in the caller's account.
 */
export interface ReferenceRequest {
  /** The IAM user ARN making the request. */
  principalArn: string;
  action: string;
  resource: string;
  /** Condition keys (any case) and their single values. */
  context: Record<string, string>;
  identityPolicies: unknown[];
  permissionsBoundary: unknown | null;
  /** SCP levels: root, each OU, the account; empty when there is no organization. */
  scpLevels: unknown[][];
  /** A same-account resource policy, or null. */
  resourcePolicy: unknown | null;
}

type Statement = Record<string, unknown>;

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function statementsOf(policy: unknown): Statement[] {
  return asList((policy as { Statement: unknown }).Statement) as Statement[];
}

/** IAM's wildcard match: `*` is any run of characters, `?` exactly one; everything else literal. */
export function globMatches(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === '*') {
    for (let i = 0; i <= text.length; i++) if (globMatches(rest, text.slice(i))) return true;
    return false;
  }
  if (text === '') return false;
  return (head === '?' || head === text[0]) && globMatches(rest, text.slice(1));
}

function matchesAction(statement: Statement, action: string): boolean {
  const matches = (pattern: unknown) => globMatches(String(pattern).toLowerCase(), action.toLowerCase());
  if ('Action' in statement) return asList(statement.Action).some(matches);
  return !asList(statement.NotAction).some(matches);
}

function matchesResource(statement: Statement, resource: string): boolean {
  const matches = (pattern: unknown) => globMatches(String(pattern), resource);
  if ('Resource' in statement) return asList(statement.Resource).some(matches);
  return !asList(statement.NotResource).some(matches);
}

/** Which principals a statement names: the ARNs it lists, or `*`. */
function namedPrincipals(statement: Statement): string[] {
  const principal = statement.Principal;
  if (principal === '*') return ['*'];
  return asList((principal as { AWS: unknown }).AWS).map(String);
}

/** One operator on one key: values are OR-ed; negated operators need every value to differ. */
function conditionHolds(operator: string, key: string, expected: unknown, context: Record<string, string>): boolean {
  const ifExists = operator.endsWith('IfExists');
  const base = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  const negated = base.includes('Not');
  const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  if (actual === undefined) return ifExists || negated;
  const values = asList(expected).map(String);
  const test = (value: string): boolean => {
    switch (base) {
      case 'StringEquals':
      case 'StringNotEquals':
        return actual === value;
      case 'StringEqualsIgnoreCase':
      case 'StringNotEqualsIgnoreCase':
        return actual.toLowerCase() === value.toLowerCase();
      case 'StringLike':
      case 'StringNotLike':
        return globMatches(value, actual);
      case 'NumericEquals':
      case 'NumericNotEquals':
        return Number(actual) === Number(value);
      case 'NumericLessThan':
        return Number(actual) < Number(value);
      case 'NumericLessThanEquals':
        return Number(actual) <= Number(value);
      case 'NumericGreaterThan':
        return Number(actual) > Number(value);
      case 'NumericGreaterThanEquals':
        return Number(actual) >= Number(value);
      case 'Bool':
        return actual.toLowerCase() === value.toLowerCase();
      default:
        throw new Error(`reference evaluator does not support \`${operator}\``);
    }
  };
  const anyEqual = values.some(test);
  return negated ? !anyEqual : anyEqual;
}

function conditionsHold(statement: Statement, context: Record<string, string>): boolean {
  const block = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(block).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, expected, context)),
  );
}

/** Whether a statement applies to the request (principal checked only for resource policies). */
function applies(statement: Statement, request: ReferenceRequest): boolean {
  return (
    matchesAction(statement, request.action) &&
    matchesResource(statement, request.resource) &&
    conditionsHold(statement, request.context)
  );
}

function hasStatement(
  policies: unknown[],
  effect: 'Allow' | 'Deny',
  request: ReferenceRequest,
  where: (s: Statement) => boolean = () => true,
): boolean {
  return policies.some((policy) =>
    statementsOf(policy).some((s) => s.Effect === effect && applies(s, request) && where(s)),
  );
}

/** A statement named by its policy id (as in `simulate`'s output) and 0-based index. */
export interface ReferenceStatement {
  policy: string;
  statement: number;
}

/**
 * Every Deny statement that applies to the request, named the way `simulate` names policies: these are the
 * statements AWS reports as matched when the decision is explicitDeny.
 */
export function findMatchingDenies(request: ReferenceRequest): ReferenceStatement[] {
  const account = request.principalArn.split(':')[4];
  const namesPrincipal = (s: Statement) =>
    namedPrincipals(s).some(
      (p) => p === '*' || p === request.principalArn || p === account || p === `arn:aws:iam::${account}:root`,
    );
  const named: [string, unknown, (s: Statement) => boolean][] = [
    ...request.identityPolicies.map(
      (p, i) => [`PolicyInputList.${i + 1}`, p, () => true] as [string, unknown, (s: Statement) => boolean],
    ),
    ...(request.permissionsBoundary === null
      ? []
      : [
          ['PermissionsBoundaryPolicyInputList.1', request.permissionsBoundary, () => true] as [
            string,
            unknown,
            (s: Statement) => boolean,
          ],
        ]),
    ...request.scpLevels.flatMap((level, l) =>
      level.map(
        (p, i) =>
          [`OrganizationPolicyInputList.${l + 1}.${i + 1}`, p, () => true] as [
            string,
            unknown,
            (s: Statement) => boolean,
          ],
      ),
    ),
    ...(request.resourcePolicy === null
      ? []
      : [['ResourcePolicy', request.resourcePolicy, namesPrincipal] as [string, unknown, (s: Statement) => boolean]]),
  ];
  return named.flatMap(([id, policy, where]) =>
    statementsOf(policy).flatMap((s, index) =>
      s.Effect === 'Deny' && applies(s, request) && where(s) ? [{ policy: id, statement: index }] : [],
    ),
  );
}

/**
 * The decision, in the order the User Guide's flow chart asks:
 * 1. a matching Deny in any policy → explicitDeny;
 * 2. every SCP level needs a matching Allow, else implicitDeny;
 * 3. a same-account resource policy Allow naming the user's ARN or `*` → allowed (a permissions boundary does
 *    not limit it for IAM users); naming the account is not enough on its own;
 * 4. an identity-policy Allow, within the permissions boundary if any → allowed;
 * 5. otherwise implicitDeny.
 */
export function evaluateReference(request: ReferenceRequest): Decision {
  const account = request.principalArn.split(':')[4];
  const namesPrincipal = (s: Statement) =>
    namedPrincipals(s).some(
      (p) => p === '*' || p === request.principalArn || p === account || p === `arn:aws:iam::${account}:root`,
    );
  const namesUserItself = (s: Statement) => namedPrincipals(s).some((p) => p === '*' || p === request.principalArn);

  const boundary = request.permissionsBoundary === null ? [] : [request.permissionsBoundary];
  const resource = request.resourcePolicy === null ? [] : [request.resourcePolicy];
  const denied =
    hasStatement(request.identityPolicies, 'Deny', request) ||
    hasStatement(boundary, 'Deny', request) ||
    request.scpLevels.some((level) => hasStatement(level, 'Deny', request)) ||
    hasStatement(resource, 'Deny', request, namesPrincipal);
  if (denied) return 'explicitDeny';

  if (!request.scpLevels.every((level) => hasStatement(level, 'Allow', request))) return 'implicitDeny';
  if (hasStatement(resource, 'Allow', request, namesUserItself)) return 'allowed';
  const identityAllows = hasStatement(request.identityPolicies, 'Allow', request);
  const boundaryAllows = request.permissionsBoundary === null || hasStatement(boundary, 'Allow', request);
  return identityAllows && boundaryAllows ? 'allowed' : 'implicitDeny';
}
