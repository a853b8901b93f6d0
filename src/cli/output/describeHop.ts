import type { PathHop } from '../../iam/analysis/index.js';

/** One hop of a role path for people: `→ ROLE_ARN [MFA, ExternalId "x", chained]`. */
export function describeHop(hop: PathHop): string {
  const r = hop.requirements;
  const terms = [
    ...(r.mfa ? ['MFA'] : []),
    ...(r.externalId === null ? [] : [`ExternalId "${r.externalId}"`]),
    ...(r.sourceIdentity === null ? [] : [`SourceIdentity "${r.sourceIdentity}"`]),
    ...(r.roleSessionName === null ? [] : [`RoleSessionName "${r.roleSessionName}"`]),
    ...r.sessionTags.map((t) => `tag ${t.key}=${t.value}`),
    ...(hop.chained ? ['chained, 1 h'] : []),
  ];
  return `→ ${hop.roleArn}${terms.length === 0 ? '' : ` [${terms.join(', ')}]`}`;
}
