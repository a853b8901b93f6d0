import { isPrincipalUniqueId } from '../arn/isPrincipalUniqueId.js';
import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { JsonNode } from './parseJson.js';
import type { PolicyIssue, PolicyPrincipal } from './Policy.js';

const malformed = (message: string, node: JsonNode): PolicyIssue => ({
  code: 'MalformedPolicyDocument',
  message,
  position: node.start,
});

const FEDERATED = /^(arn:aws[\w-]*:iam::\d{12}:(saml|oidc)-provider\/.+|[a-z0-9.-]+\.(com|amazonaws\.com|cn))$/;
const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;
const CANONICAL = /^[0-9a-f]{64}$/;

/** Reads a string or an array of strings; reports anything else. */
export function readStringList(node: JsonNode, field: string, issues: PolicyIssue[]): string[] {
  if (node.kind === 'string') return [node.value];
  if (node.kind === 'array') {
    const values: string[] = [];
    for (const item of node.items) {
      if (item.kind === 'string') values.push(item.value);
      else issues.push(malformed(`\`${field}\` must be a string or an array of strings`, item));
    }
    return values;
  }
  issues.push(malformed(`\`${field}\` must be a string or an array of strings`, node));
  return [];
}

/**
 * Parses a Principal/NotPrincipal block: `"*"` or an object with `AWS`, `Service`, `Federated` and
 * `CanonicalUser` entries. Each value must be a principal AWS would accept; partial wildcards are refused,
 * as AWS refuses them in principals. `AWS` takes users' and roles' unique ids, which IAM shows in a stored
 * policy for a principal deleted since (so such a policy can be read back, edited and saved again).
 */
export function parsePrincipalBlock(node: JsonNode, field: string, issues: PolicyIssue[]): PolicyPrincipal {
  const block: PolicyPrincipal = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (node.kind === 'string') {
    if (node.value === '*') block.wildcard = true;
    else issues.push(malformed(`invalid principal in policy: \`${node.value}\``, node));
    return block;
  }
  if (node.kind !== 'object') {
    issues.push(malformed(`\`${field}\` must be \`"*"\` or an object`, node));
    return block;
  }
  for (const member of node.members) {
    const values = readStringList(member.value, `${field}.${member.key}`, issues);
    const bad = (value: string) =>
      issues.push(malformed(`invalid principal in policy: \`"${member.key}":"${value}"\``, member.value));
    switch (member.key) {
      case 'AWS':
        for (const value of values) {
          if (value === '*' || isPrincipalUniqueId(value) || parsePrincipal(value)?.kind !== undefined)
            block.aws.push(value);
          else bad(value);
        }
        break;
      case 'Service':
        for (const value of values) {
          if (value === '*' || SERVICE.test(value)) block.service.push(value);
          else bad(value);
        }
        break;
      case 'Federated':
        for (const value of values) {
          if (FEDERATED.test(value)) block.federated.push(value);
          else bad(value);
        }
        break;
      case 'CanonicalUser':
        for (const value of values) {
          if (CANONICAL.test(value)) block.canonicalUser.push(value);
          else bad(value);
        }
        break;
      default:
        issues.push({
          code: 'MalformedPolicyDocument',
          message: `invalid principal type \`${member.key}\``,
          position: member.keyPosition,
        });
    }
  }
  return block;
}
