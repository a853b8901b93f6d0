/**
 * The pure STS rules: AssumeRole validation, durations, session tags, source identity, packed size, the
 * request contexts an assume-role evaluation and a session principal need, and session revocation.
 */
export type { AssumeRoleRequest, SessionTag } from './AssumeRoleRequest.js';
export type { StsError, StsErrorCode, StsResult } from './StsError.js';
export { ASSUME_ROLE_LIMITS, validateAssumeRoleRequest } from './validateAssumeRoleRequest.js';
export {
  DEFAULT_SESSION_SECONDS,
  ROLE_CHAINING_MAX_SECONDS,
  resolveSessionDuration,
} from './resolveSessionDuration.js';
export {
  mergePrincipalTags,
  resolveSessionTags,
  type InheritedTags,
  type ResolvedSessionTags,
} from './resolveSessionTags.js';
export { resolveSourceIdentity, type ResolvedSourceIdentity } from './resolveSourceIdentity.js';
export { computePackedPolicySize, PACKED_POLICY_LIMIT } from './computePackedPolicySize.js';
export { buildAssumeRoleContext, buildMfaContext, type MfaState } from './buildAssumeRoleContext.js';
export { resolveCallerMfa, type CallerMfa } from './resolveCallerMfa.js';
export { buildSessionPrincipalContext, type SessionPrincipal } from './buildSessionPrincipalContext.js';
export { buildRevokeSessionsPolicy, REVOKE_SESSIONS_POLICY_NAME } from './buildRevokeSessionsPolicy.js';
export { planAssumeRoleSession, type AssumeRoleSessionPlan, type CallingSession } from './planAssumeRoleSession.js';
export { GET_SESSION_TOKEN_LIMITS, planGetSessionToken, type GetSessionTokenRequest } from './planGetSessionToken.js';
export {
  planFederationToken,
  type FederationTokenPlan,
  type GetFederationTokenRequest,
} from './planFederationToken.js';
