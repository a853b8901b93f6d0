import { resolveOperator } from '../conditions/conditionRegistry.js';
import { parseTemplate } from '../conditions/policyVariables.js';
import type { JsonNode } from './parseJson.js';
import type { PolicyCondition, PolicyIssue } from './Policy.js';

const scalarText = (node: JsonNode): string | null => {
  if (node.kind === 'string') return node.value;
  if (node.kind === 'boolean') return String(node.value);
  if (node.kind === 'number') return node.raw;
  return null;
};

/**
 * Parses a Condition block: `{ operator: { key: value | [values] } }`. Unknown operators, keys without a
 * vendor prefix and values the operator cannot read (a non-numeric value for NumericEquals, ...) are faults.
 */
export function parseConditionBlock(
  node: JsonNode,
  variablesEnabled: boolean,
  issues: PolicyIssue[],
): PolicyCondition[] {
  const conditions: PolicyCondition[] = [];
  if (node.kind !== 'object') {
    issues.push({ code: 'MalformedPolicyDocument', message: '`Condition` must be an object', position: node.start });
    return conditions;
  }
  for (const operatorMember of node.members) {
    const operator = resolveOperator(operatorMember.key);
    if (operator === null) {
      issues.push({
        code: 'MalformedPolicyDocument',
        message: `invalid condition type \`${operatorMember.key}\``,
        position: operatorMember.keyPosition,
      });
      continue;
    }
    if (operatorMember.value.kind !== 'object') {
      issues.push({
        code: 'MalformedPolicyDocument',
        message: `condition \`${operatorMember.key}\` must be an object`,
        position: operatorMember.value.start,
      });
      continue;
    }
    for (const keyMember of operatorMember.value.members) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*:.+/.test(keyMember.key)) {
        issues.push({
          code: 'MalformedPolicyDocument',
          message: `condition key \`${keyMember.key}\` must be prefaced by a vendor, e.g. \`aws\`, \`s3\`, \`iam\``,
          position: keyMember.keyPosition,
        });
        continue;
      }
      const nodes = keyMember.value.kind === 'array' ? keyMember.value.items : [keyMember.value];
      const values: string[] = [];
      for (const valueNode of nodes) {
        const text = scalarText(valueNode);
        if (text === null) {
          issues.push({
            code: 'MalformedPolicyDocument',
            message: `condition values for \`${keyMember.key}\` must be strings, numbers or booleans`,
            position: valueNode.start,
          });
          continue;
        }
        const hasVariables =
          operator.family.supportsVariables && parseTemplate(text, variablesEnabled).variables.length > 0;
        const fault = hasVariables ? null : operator.family.validateValue(text);
        if (fault !== null) {
          issues.push({
            code: 'MalformedPolicyDocument',
            message: `invalid value for \`${operatorMember.key}\` on \`${keyMember.key}\`: ${fault}`,
            position: valueNode.start,
          });
        }
        values.push(text);
      }
      conditions.push({ operator: operatorMember.key, key: keyMember.key, values, position: keyMember.keyPosition });
    }
  }
  return conditions;
}
