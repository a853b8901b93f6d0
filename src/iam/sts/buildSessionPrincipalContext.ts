import type { ContextEntry } from '../simulationTypes.js';
import type { SessionTag } from './AssumeRoleRequest.js';
import { buildMfaContext } from './buildAssumeRoleContext.js';
import { mergePrincipalTags } from './resolveSessionTags.js';

/** What a session principal brings to every request it signs. */
export interface SessionPrincipal {
  /** The role's current tags (empty for a user's getSessionToken session). */
  roleTags: readonly SessionTag[];
  sessionTags: readonly SessionTag[];
  sourceIdentity: string | null;
  mfaAuthenticatedAt: Date | null;
  issuedAt: Date;
}

/**
 * The principal context keys of a request signed with temporary credentials: `aws:PrincipalTag/*` (role
 * tags overridden by session tags), `aws:SourceIdentity`, the MFA keys and `aws:TokenIssueTime` — the key
 * AWS's session revocation denies on.
 */
export function buildSessionPrincipalContext(principal: SessionPrincipal, now: Date): ContextEntry[] {
  const entries: ContextEntry[] = mergePrincipalTags(principal.roleTags, principal.sessionTags).map((tag) => ({
    key: `aws:PrincipalTag/${tag.key}`,
    values: [tag.value],
    type: 'string',
  }));
  if (principal.sourceIdentity !== null) {
    entries.push({ key: 'aws:SourceIdentity', values: [principal.sourceIdentity], type: 'string' });
  }
  entries.push({ key: 'aws:TokenIssueTime', values: [principal.issuedAt.toISOString()], type: 'date' });
  return [
    ...entries,
    ...buildMfaContext({ authenticatedAt: principal.mfaAuthenticatedAt, temporaryCredentials: true }, now),
  ];
}
