import type { PolicyCondition } from '../policy/Policy.js';
import type { HopRequirements } from './evaluateAssumeRoleHop.js';

/** What a caller must present for an assume-role hop, as short lines: `sts:ExternalId = x`, `MFA`, ... */
export function describeHopConditions(requirements: HopRequirements): string[] {
  const lines: string[] = [];
  if (requirements.externalId !== null) lines.push(`sts:ExternalId = ${requirements.externalId}`);
  if (requirements.mfa) lines.push('MFA');
  if (requirements.sourceIdentity !== null) lines.push(`sts:SourceIdentity = ${requirements.sourceIdentity}`);
  for (const tag of requirements.sessionTags) lines.push(`session tag ${tag.key} = ${tag.value}`);
  if (requirements.roleSessionName !== null) lines.push(`sts:RoleSessionName = ${requirements.roleSessionName}`);
  return lines;
}

/** A statement's conditions as short lines: `StringEquals aws:SourceAccount = 111111111111`. */
export function describeStatementConditions(conditions: readonly PolicyCondition[]): string[] {
  return conditions.map((condition) => `${condition.operator} ${condition.key} = ${condition.values.join(', ')}`);
}
