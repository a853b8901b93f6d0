import type { AssumeRoleRequest, SessionTag } from './AssumeRoleRequest.js';
import { computePackedPolicySize } from './computePackedPolicySize.js';
import { resolveSessionDuration } from './resolveSessionDuration.js';
import { resolveSessionTags } from './resolveSessionTags.js';
import { resolveSourceIdentity } from './resolveSourceIdentity.js';
import type { StsResult } from './StsError.js';
import { validateAssumeRoleRequest } from './validateAssumeRoleRequest.js';

/** The calling session, when the caller signed with temporary credentials (role chaining). */
export interface CallingSession {
  /** Whether it is a role session; a user's getSessionToken session does not make a chain. */
  isRoleSession: boolean;
  sourceIdentity: string | null;
  tags: readonly SessionTag[];
  transitiveTagKeys: readonly string[];
}

/** Everything a new session is made of, before the trust and identity evaluations decide. */
export interface AssumeRoleSessionPlan {
  durationSeconds: number;
  chained: boolean;
  sourceIdentity: string | null;
  requiresSetSourceIdentity: boolean;
  /** Whether `sts:TagSession` must be allowed: tags were passed or inherited. */
  requiresTagSession: boolean;
  tags: SessionTag[];
  transitiveTagKeys: string[];
  packedPolicySize: number;
}

/**
 * Applies AssumeRole's rules that need no policy evaluation, in STS's order: parameter validation,
 * duration (role maximum, one-hour chaining cap), transitive tag inheritance, source identity
 * immutability and the packed size of session policies and tags. The first failure is returned.
 */
export function planAssumeRoleSession(
  request: AssumeRoleRequest,
  role: { maxSessionDuration: number },
  caller: CallingSession | null,
): StsResult<AssumeRoleSessionPlan> {
  const invalid = validateAssumeRoleRequest(request);
  if (invalid !== null) {
    return { ok: false, error: invalid };
  }
  const chained = caller?.isRoleSession ?? false;
  const duration = resolveSessionDuration({
    requestedSeconds: request.durationSeconds,
    roleMaxSessionDuration: role.maxSessionDuration,
    chained,
  });
  if (!duration.ok) return duration;
  const inherited =
    chained && caller !== null ? { tags: caller.tags, transitiveTagKeys: caller.transitiveTagKeys } : null;
  const tags = resolveSessionTags(request.tags ?? [], request.transitiveTagKeys ?? [], inherited);
  if (!tags.ok) return tags;
  const source = resolveSourceIdentity(request.sourceIdentity, chained ? caller?.sourceIdentity : null);
  if (!source.ok) return source;
  const packed = computePackedPolicySize({
    policy: request.policy,
    policyArns: request.policyArns,
    tags: request.tags,
  });
  if (!packed.ok) return packed;
  return {
    ok: true,
    value: {
      durationSeconds: duration.value,
      chained,
      sourceIdentity: source.value.sourceIdentity,
      requiresSetSourceIdentity: source.value.requiresSetSourceIdentity,
      requiresTagSession: tags.value.tags.length > 0,
      tags: tags.value.tags,
      transitiveTagKeys: tags.value.transitiveTagKeys,
      packedPolicySize: packed.value,
    },
  };
}
