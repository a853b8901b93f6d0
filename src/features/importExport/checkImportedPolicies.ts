import { parsePolicy, type PolicyKind } from '../../iam/index.js';
import type { ImportRows } from './importPlanTypes.js';

/** How many unreadable documents are named one by one; the rest are counted. */
const NAMED = 20;

/**
 * Notes on the imported documents the engine cannot read (its grammar is IAM's, but real accounts hold documents
 * it refuses — a trust policy naming a deleted role by its unique id, say). They are imported as AWS holds them;
 * the engine then denies what they would decide, giving the reason, so a person should know which they are.
 * Identical texts are parsed once.
 */
export function checkImportedPolicies(rows: ImportRows): string[] {
  const verdicts = new Map<string, string | null>();
  const check = (text: string, kind: PolicyKind): string | null => {
    const key = `${kind}\0${text}`;
    if (!verdicts.has(key)) {
      const error = parsePolicy(text, kind).errors[0];
      verdicts.set(
        key,
        error === undefined
          ? null
          : `${error.message}${error.position === null ? '' : ` (line ${error.position.line}, column ${error.position.column})`}`,
      );
    }
    return verdicts.get(key)!;
  };
  const owners = new Map<string, string>([...rows.users, ...rows.groups, ...rows.roles].map((e) => [e.id, e.arn]));
  const policies = new Map(rows.managedPolicies.map((p) => [p.id, p.arn]));
  const found: string[] = [];
  const note = (what: string, reason: string | null) => {
    if (reason !== null)
      found.push(`${what}: the engine cannot read it (${reason}); it denies what it would decide, with that reason`);
  };
  for (const r of rows.roles) note(`trust policy of ${r.arn}`, check(r.assumeRolePolicyDocument, 'trust'));
  for (const p of rows.inlinePolicies)
    note(
      `inline policy \`${p.name}\` of ${owners.get(p.userId ?? p.groupId ?? p.roleId ?? '') ?? '?'}`,
      check(p.document, 'identity'),
    );
  for (const v of rows.policyVersions)
    note(`${policies.get(v.policyId) ?? v.policyId} version ${v.versionId}`, check(v.document, 'identity'));
  for (const r of rows.resources) note(`resource policy of ${r.arn}`, check(r.policyDocument, 'resource'));
  for (const p of rows.organizationPolicies)
    note(
      `${p.type === 'SERVICE_CONTROL_POLICY' ? 'SCP' : 'RCP'} ${p.name} (${p.id})`,
      check(p.document, p.type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp'),
    );
  return found.length <= NAMED
    ? found
    : [...found.slice(0, NAMED), `… and ${found.length - NAMED} more documents the engine cannot read`];
}
