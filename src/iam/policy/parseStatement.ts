import type { JsonNode } from './parseJson.js';
import type { PolicyIssue, PolicyKind, PolicyPrincipal, PolicyStatement } from './Policy.js';
import { parseConditionBlock } from './parseConditionBlock.js';
import { parsePrincipalBlock, readStringList } from './parsePrincipalBlock.js';
import { POLICY_KIND_RULES } from './policyKindRules.js';

const FIELDS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);
const ACTION = /^([a-zA-Z0-9-]+:[a-zA-Z0-9*?]+|\*)$/;
const RESOURCE = /^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:.+)$/;

type Issue = (message: string, node: { start?: JsonNode['start']; keyPosition?: JsonNode['start'] } | null) => void;

/**
 * Parses one statement object and checks it against IAM's grammar for the policy kind. Faults are
 * collected in `issues`; the returned statement is only meaningful when none were added.
 */
export function parseStatement(
  node: JsonNode,
  index: number,
  kind: PolicyKind,
  variablesEnabled: boolean,
  issues: PolicyIssue[],
): PolicyStatement {
  const rules = POLICY_KIND_RULES[kind];
  const issue: Issue = (message, at) =>
    issues.push({ code: 'MalformedPolicyDocument', message, position: at?.keyPosition ?? at?.start ?? node.start });
  const statement: PolicyStatement = {
    index,
    sid: null,
    effect: 'Allow',
    action: null,
    notAction: null,
    resource: null,
    notResource: null,
    principal: null,
    notPrincipal: null,
    conditions: [],
    start: node.start,
    end: node.end,
  };
  if (node.kind !== 'object') {
    issue('each statement must be an object', node);
    return statement;
  }
  const seen = new Set<string>();
  let effectSeen = false;
  for (const member of node.members) {
    const { key, value } = member;
    if (!FIELDS.has(key)) {
      issue(`statement contains unknown field \`${key}\``, member);
      continue;
    }
    if (seen.has(key)) issue(`statement contains duplicate field \`${key}\``, member);
    seen.add(key);
    switch (key) {
      case 'Sid':
        if (value.kind !== 'string') issue('`Sid` must be a string', value);
        else if (rules.alphanumericSid && !/^[0-9A-Za-z]*$/.test(value.value))
          issue(`statement ids (sid) must be alpha-numeric: \`${value.value}\``, value);
        else statement.sid = value.value;
        break;
      case 'Effect':
        effectSeen = true;
        if (value.kind === 'string' && (value.value === 'Allow' || value.value === 'Deny'))
          statement.effect = value.value;
        else
          issue(
            `invalid effect \`${value.kind === 'string' ? value.value : value.kind}\`: expected \`Allow\` or \`Deny\``,
            value,
          );
        break;
      case 'Action':
      case 'NotAction': {
        const actions = readStringList(value, key, issues);
        for (const action of actions) {
          if (!ACTION.test(action))
            issue(`action \`${action}\` must be prefaced by a vendor, e.g. \`iam\`, \`s3\`, \`ec2\``, value);
        }
        if (key === 'Action') statement.action = actions;
        else statement.notAction = actions;
        break;
      }
      case 'Resource':
      case 'NotResource': {
        const resources = readStringList(value, key, issues);
        for (const resource of resources) {
          if (!RESOURCE.test(resource)) issue(`resource \`${resource}\` must be in arn format or \`*\``, value);
        }
        if (key === 'Resource') statement.resource = resources;
        else statement.notResource = resources;
        break;
      }
      case 'Principal':
      case 'NotPrincipal': {
        const block: PolicyPrincipal = parsePrincipalBlock(value, key, issues);
        if (key === 'Principal') statement.principal = block;
        else statement.notPrincipal = block;
        break;
      }
      case 'Condition':
        statement.conditions = parseConditionBlock(value, variablesEnabled, issues);
        break;
    }
  }
  if (!effectSeen) issue('missing required field `Effect`', null);
  if ((statement.action ?? statement.notAction ?? []).length === 0)
    issue('policy statement must contain actions', null);
  if (statement.action !== null && statement.notAction !== null)
    issue('statement must not contain both `Action` and `NotAction`', null);
  const hasResource = statement.resource !== null || statement.notResource !== null;
  if (rules.resource === 'required' && (statement.resource ?? statement.notResource ?? []).length === 0) {
    issue('policy statement must contain resources', null);
  }
  if (rules.resource === 'forbidden' && hasResource) issue('has prohibited field `Resource`', null);
  if (statement.resource !== null && statement.notResource !== null)
    issue('statement must not contain both `Resource` and `NotResource`', null);
  const hasPrincipal = statement.principal !== null || statement.notPrincipal !== null;
  if (rules.principal === 'forbidden' && hasPrincipal) issue('policy document should not specify a principal', null);
  if (rules.principal !== 'forbidden' && !hasPrincipal) issue('missing required field `Principal`', null);
  if (kind === 'trust' && statement.notPrincipal !== null)
    issue('`NotPrincipal` is not supported in role trust policies', null);
  if (statement.principal !== null && statement.notPrincipal !== null)
    issue('statement must not contain both `Principal` and `NotPrincipal`', null);
  if (
    rules.principal === 'wildcard' &&
    (statement.notPrincipal !== null || (statement.principal !== null && !statement.principal.wildcard))
  ) {
    issue('resource control policies must specify `"Principal": "*"`', null);
  }
  if (rules.denyOnly && statement.effect === 'Allow' && !isFullAccessAllow(statement)) {
    issue('resource control policies support only the `Deny` effect', null);
  }
  return statement;
}

/** RCPFullAWSAccess's lone statement: the one Allow an RCP may contain. */
function isFullAccessAllow(statement: PolicyStatement): boolean {
  return (
    statement.action?.length === 1 &&
    statement.action[0] === '*' &&
    statement.resource?.length === 1 &&
    statement.resource[0] === '*' &&
    statement.conditions.length === 0
  );
}
