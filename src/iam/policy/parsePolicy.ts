import type { PolicyIssue, PolicyKind, Policy, PolicyStatement } from './Policy.js';
import { parseJson } from './parseJson.js';
import { parseStatement } from './parseStatement.js';

/** The outcome of {@link parsePolicy}: the policy when valid, and every fault found. */
export interface ParsePolicyResult {
  policy: Policy | null;
  errors: PolicyIssue[];
}

const ALLOWED_CHARACTERS = /[^\t\n\r\u0020-\u00ff]/;
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/**
 * Parses policy JSON text into the typed model and checks IAM's grammar for its kind: allowed characters,
 * Version, Statement as object or array, each statement's elements, unique Sids. Never throws; every fault is
 * data with a position. Size limits and warnings are {@link validatePolicy}'s.
 */
export function parsePolicy(text: string, kind: PolicyKind): ParsePolicyResult {
  const errors: PolicyIssue[] = [];
  const badCharacter = ALLOWED_CHARACTERS.exec(text);
  if (badCharacter !== null) {
    const before = text.slice(0, badCharacter.index);
    const line = before.split('\n').length;
    const column = badCharacter.index - before.lastIndexOf('\n');
    const code = badCharacter[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    errors.push({
      code: 'MalformedPolicyDocument',
      message: `policy contains the character \`U+${code}\`, which is not allowed`,
      position: { line, column },
    });
    return { policy: null, errors };
  }
  const json = parseJson(text);
  if (!json.ok) {
    errors.push({
      code: 'MalformedPolicyDocument',
      message: `syntax errors in policy: ${json.message}`,
      position: json.position,
    });
    return { policy: null, errors };
  }
  const root = json.value;
  if (root.kind !== 'object') {
    errors.push({
      code: 'MalformedPolicyDocument',
      message: 'syntax errors in policy: the document must be a json object',
      position: root.start,
    });
    return { policy: null, errors };
  }
  const policy: Policy = { version: null, id: null, statements: [] };
  const seen = new Set<string>();
  let statementNode = null;
  for (const member of root.members) {
    if (seen.has(member.key)) {
      errors.push({
        code: 'MalformedPolicyDocument',
        message: `policy contains duplicate field \`${member.key}\``,
        position: member.keyPosition,
      });
    }
    seen.add(member.key);
    if (member.key === 'Version') {
      if (member.value.kind === 'string' && VERSIONS.has(member.value.value)) policy.version = member.value.value;
      else {
        const shown = member.value.kind === 'string' ? member.value.value : member.value.kind;
        errors.push({
          code: 'MalformedPolicyDocument',
          message: `the policy failed legacy parsing: invalid version \`${shown}\``,
          position: member.value.start,
        });
      }
    } else if (member.key === 'Id') {
      if (member.value.kind === 'string') policy.id = member.value.value;
      else
        errors.push({
          code: 'MalformedPolicyDocument',
          message: '`Id` must be a string',
          position: member.value.start,
        });
    } else if (member.key === 'Statement') {
      statementNode = member.value;
    } else {
      errors.push({
        code: 'MalformedPolicyDocument',
        message: `policy contains unknown field \`${member.key}\``,
        position: member.keyPosition,
      });
    }
  }
  if (statementNode === null) {
    errors.push({
      code: 'MalformedPolicyDocument',
      message: 'missing required field `Statement`',
      position: root.start,
    });
    return { policy: null, errors };
  }
  const variablesEnabled = policy.version === '2012-10-17';
  const nodes = statementNode.kind === 'array' ? statementNode.items : [statementNode];
  nodes.forEach((node, index) => policy.statements.push(parseStatement(node, index, kind, variablesEnabled, errors)));
  checkUniqueSids(policy.statements, errors);
  return errors.length > 0 ? { policy: null, errors } : { policy, errors };
}

function checkUniqueSids(statements: PolicyStatement[], errors: PolicyIssue[]): void {
  const sids = new Set<string>();
  for (const statement of statements) {
    if (statement.sid === null || statement.sid === '') continue;
    if (sids.has(statement.sid)) {
      errors.push({
        code: 'MalformedPolicyDocument',
        message: `statement ids (sid) in a single policy must be unique: \`${statement.sid}\``,
        position: statement.start,
      });
    }
    sids.add(statement.sid);
  }
}
