import { isPrincipalUniqueId } from '../arn/isPrincipalUniqueId.js';
import { parsePrincipal } from '../arn/parsePrincipal.js';
import { parseJson, type JsonNode } from './parseJson.js';

/**
 * Rewrites a stored trust or resource policy after IAM users or roles it names were deleted: each `AWS` value
 * of a Principal or NotPrincipal element that names one of `replacements`' ARNs becomes that principal's
 * unique id, the rest of the text untouched. IAM binds a stored policy to the unique ids of the principals it
 * names and, once one is deleted, can no longer map its id back to an ARN, so the policy shows (and keeps)
 * the id: a user or role re-created with the same name does not match it. ARNs elsewhere (Resource,
 * Condition) are left as written, as IAM leaves them. The other way round, a unique id key is replaced by its
 * value (the ARN), for a policy written with the id of a principal that exists, which IAM shows by its ARN.
 * Text that does not parse is returned unchanged.
 */
export function replaceNamedPrincipals(text: string, replacements: ReadonlyMap<string, string>): string {
  const json = parseJson(text);
  if (!json.ok || json.value.kind !== 'object') return text;
  const edits: { node: JsonNode; value: string }[] = [];
  const visitValue = (node: JsonNode): void => {
    const values = node.kind === 'array' ? node.items : [node];
    for (const item of values) {
      if (item.kind !== 'string') continue;
      if (isPrincipalUniqueId(item.value)) {
        const arn = replacements.get(item.value);
        if (arn !== undefined) edits.push({ node: item, value: arn });
        continue;
      }
      const name = parsePrincipal(item.value);
      const id =
        name === null || (name.kind !== 'user' && name.kind !== 'role') ? undefined : replacements.get(name.arn);
      if (id !== undefined) edits.push({ node: item, value: id });
    }
  };
  const statement = json.value.members.find((member) => member.key === 'Statement')?.value;
  const statements = statement === undefined ? [] : statement.kind === 'array' ? statement.items : [statement];
  for (const item of statements) {
    if (item.kind !== 'object') continue;
    for (const element of item.members) {
      if ((element.key !== 'Principal' && element.key !== 'NotPrincipal') || element.value.kind !== 'object') continue;
      for (const member of element.value.members) if (member.key === 'AWS') visitValue(member.value);
    }
  }
  if (edits.length === 0) return text;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (position: { line: number; column: number }) => lineStarts[position.line - 1]! + position.column - 1;
  let result = text;
  // From the last edit to the first, so earlier offsets stay valid.
  for (const edit of edits.sort((a, b) => offset(b.node.start) - offset(a.node.start))) {
    result =
      result.slice(0, offset(edit.node.start)) + JSON.stringify(edit.value) + result.slice(offset(edit.node.end) + 1);
  }
  return result;
}
