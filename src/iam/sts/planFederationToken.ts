import { formatFederatedUserArn } from '../arn/formatArns.js';
import type { SessionTag } from './AssumeRoleRequest.js';
import { computePackedPolicySize } from './computePackedPolicySize.js';
import { formatConstraintViolations, type ConstraintViolation } from './formatConstraintViolations.js';
import { GET_SESSION_TOKEN_LIMITS } from './planGetSessionToken.js';
import { stsFail, stsOk, type StsResult } from './StsError.js';
import {
  ARN_RULE,
  ASSUME_ROLE_LIMITS,
  checkString,
  POLICY_RULE,
  TAG_KEY_RULE,
  TAG_VALUE_RULE,
  validateAssumeRoleRequest,
  type StringRule,
} from './validateAssumeRoleRequest.js';

/** The parameters of GetFederationToken, camelCase. */
export interface GetFederationTokenRequest {
  /** The federated user's name: 2–32 characters of `[\w+=,.@-]`. */
  name: string;
  /** The inline session policy, JSON text. */
  policy?: string | null;
  /** Managed session policies (at most 10), in the calling user's account. */
  policyArns?: readonly string[] | null;
  durationSeconds?: number | null;
  tags?: readonly SessionTag[] | null;
}

/** What a federated user session is made of, before the caller's permission to ask is decided. */
export interface FederationTokenPlan {
  /** `arn:aws:sts::ACCOUNT:federated-user/NAME`. */
  arn: string;
  /** `ACCOUNT:NAME`: FederatedUserId and the session's `aws:userid`. */
  federatedUserId: string;
  durationSeconds: number;
  tags: SessionTag[];
  /** Whether `sts:TagSession` must also be allowed (tags were passed). */
  requiresTagSession: boolean;
  packedPolicySize: number;
}

const NAME_RULE: StringRule = { min: 2, max: 32, patternText: '[\\w+=,.@-]*', pattern: /^[\w+=,.@-]*$/ };

/**
 * Applies GetFederationToken's rules that need no policy evaluation. Parameters are checked against the STS
 * API model (one ValidationError listing every violation, AWS's wording), then the rules it shares with
 * AssumeRole (at most 10 managed session policies, 2048 plaintext characters, unique tag keys outside `aws:`),
 * then the packed size. Duration: 900–129600 s, default 43200; a root user's session is capped at one hour,
 * as AWS documents ("defaults to one hour"). Returns the plan or the first error.
 */
export function planFederationToken(
  request: GetFederationTokenRequest,
  accountId: string,
  isRoot: boolean,
): StsResult<FederationTokenPlan> {
  const violations: ConstraintViolation[] = [];
  checkString(violations, request.name, 'name', NAME_RULE);
  if (request.policy !== null && request.policy !== undefined)
    checkString(violations, request.policy, 'policy', POLICY_RULE);
  (request.policyArns ?? []).forEach((arn, i) =>
    checkString(violations, arn, `policyArns.${i + 1}.member.arn`, ARN_RULE),
  );
  const duration = request.durationSeconds;
  if (duration !== null && duration !== undefined) {
    if (duration < GET_SESSION_TOKEN_LIMITS.min)
      violations.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value greater than or equal to ${GET_SESSION_TOKEN_LIMITS.min}`,
      });
    if (duration > GET_SESSION_TOKEN_LIMITS.max)
      violations.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value less than or equal to ${GET_SESSION_TOKEN_LIMITS.max}`,
      });
  }
  const tags = request.tags ?? [];
  if (tags.length > ASSUME_ROLE_LIMITS.maxSessionTags)
    violations.push({
      value: `[${tags.map((tag) => tag.key).join(', ')}]`,
      path: 'tags',
      constraint: `have length less than or equal to ${ASSUME_ROLE_LIMITS.maxSessionTags}`,
    });
  tags.forEach((tag, i) => {
    checkString(violations, tag.key, `tags.${i + 1}.member.key`, TAG_KEY_RULE);
    checkString(violations, tag.value, `tags.${i + 1}.member.value`, TAG_VALUE_RULE);
  });
  if (violations.length > 0)
    return stsFail('ValidationError', formatConstraintViolations(violations), violations[0]?.path ?? '');
  // The rules between parameters are AssumeRole's; a well-formed stand-in role and session name isolate them.
  const shared = validateAssumeRoleRequest({
    roleArn: formatFederatedUserArn(accountId, request.name),
    roleSessionName: request.name,
    policy: request.policy,
    policyArns: request.policyArns,
    tags,
  });
  if (shared !== null) return { ok: false, error: shared };
  const packed = computePackedPolicySize({ policy: request.policy, policyArns: request.policyArns, tags });
  if (!packed.ok) return packed;
  const requested = duration ?? (isRoot ? GET_SESSION_TOKEN_LIMITS.maxRoot : GET_SESSION_TOKEN_LIMITS.defaultUser);
  return stsOk({
    arn: formatFederatedUserArn(accountId, request.name),
    federatedUserId: `${accountId}:${request.name}`,
    durationSeconds: isRoot ? Math.min(requested, GET_SESSION_TOKEN_LIMITS.maxRoot) : requested,
    tags: [...tags],
    requiresTagSession: tags.length > 0,
    packedPolicySize: packed.value,
  });
}
