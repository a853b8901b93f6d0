import { isReservedTagKey } from '../rules/protectedEntities.js';
import type { AssumeRoleRequest } from './AssumeRoleRequest.js';
import { formatConstraintViolations, type ConstraintViolation } from './formatConstraintViolations.js';
import type { StsError } from './StsError.js';

/** AWS's limits on AssumeRole parameters, from the STS API model. */
export const ASSUME_ROLE_LIMITS = {
  minDurationSeconds: 900,
  maxDurationSeconds: 43_200,
  maxSessionTags: 50,
  maxTransitiveTagKeys: 50,
  maxPolicyArns: 10,
  /** Inline and managed session policies together, in plaintext characters. */
  maxSessionPolicyPlaintext: 2048,
} as const;

/** A string parameter's constraints in the STS API model. */
export interface StringRule {
  min: number;
  max: number;
  /** The pattern as AWS prints it in its message. */
  patternText: string;
  pattern: RegExp;
}

const NAME_RULE: StringRule = { min: 2, max: 64, patternText: '[\\w+=,.@-]*', pattern: /^[\w+=,.@-]*$/ };
export const ARN_RULE: StringRule = {
  min: 20,
  max: 2048,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
};
export const POLICY_RULE: StringRule = {
  min: 1,
  max: 2048,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
};
export const TAG_KEY_RULE: StringRule = {
  min: 1,
  max: 128,
  patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
};
export const TAG_VALUE_RULE: StringRule = {
  min: 0,
  max: 256,
  patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
};
const EXTERNAL_ID_RULE: StringRule = { min: 2, max: 1224, patternText: '[\\w+=,.@:\\/-]*', pattern: /^[\w+=,.@:/-]*$/ };
const SERIAL_RULE: StringRule = { min: 9, max: 256, patternText: '[\\w+=/:,.@-]*', pattern: /^[\w+=/:,.@-]*$/ };
const TOKEN_CODE_RULE: StringRule = { min: 6, max: 6, patternText: '[\\d]*', pattern: /^\d*$/ };

/** Adds the violations of one string parameter, in AWS's order (min length, max length, pattern). */
export function checkString(out: ConstraintViolation[], value: string, path: string, rule: StringRule): void {
  // AWS counts characters, not UTF-16 units.
  const length = [...value].length;
  if (length < rule.min) {
    out.push({ value, path, constraint: `have length greater than or equal to ${rule.min}` });
  }
  if (length > rule.max) {
    out.push({ value, path, constraint: `have length less than or equal to ${rule.max}` });
  }
  if (!rule.pattern.test(value)) {
    out.push({ value, path, constraint: `satisfy regular expression pattern: ${rule.patternText}` });
  }
}

function checkOptional(
  out: ConstraintViolation[],
  value: string | null | undefined,
  path: string,
  rule: StringRule,
): void {
  if (value !== null && value !== undefined) {
    checkString(out, value, path, rule);
  }
}

function checkListLength(out: ConstraintViolation[], list: readonly string[], path: string, max: number): void {
  if (list.length > max) {
    out.push({ value: `[${list.join(', ')}]`, path, constraint: `have length less than or equal to ${max}` });
  }
}

/** Collects every constraint the STS API model puts on AssumeRole's parameters, in AWS's member order. */
function collectViolations(request: AssumeRoleRequest): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  checkString(out, request.roleArn, 'roleArn', ARN_RULE);
  checkString(out, request.roleSessionName, 'roleSessionName', NAME_RULE);
  const policyArns = request.policyArns ?? [];
  policyArns.forEach((arn, i) => checkString(out, arn, `policyArns.${i + 1}.member.arn`, ARN_RULE));
  checkOptional(out, request.policy, 'policy', POLICY_RULE);
  const duration = request.durationSeconds;
  if (duration !== null && duration !== undefined) {
    if (duration < ASSUME_ROLE_LIMITS.minDurationSeconds) {
      out.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value greater than or equal to ${ASSUME_ROLE_LIMITS.minDurationSeconds}`,
      });
    }
    if (duration > ASSUME_ROLE_LIMITS.maxDurationSeconds) {
      out.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value less than or equal to ${ASSUME_ROLE_LIMITS.maxDurationSeconds}`,
      });
    }
  }
  const tags = request.tags ?? [];
  checkListLength(
    out,
    tags.map((tag) => tag.key),
    'tags',
    ASSUME_ROLE_LIMITS.maxSessionTags,
  );
  tags.forEach((tag, i) => {
    checkString(out, tag.key, `tags.${i + 1}.member.key`, TAG_KEY_RULE);
    checkString(out, tag.value, `tags.${i + 1}.member.value`, TAG_VALUE_RULE);
  });
  const transitive = request.transitiveTagKeys ?? [];
  checkListLength(out, transitive, 'transitiveTagKeys', ASSUME_ROLE_LIMITS.maxTransitiveTagKeys);
  transitive.forEach((key, i) => checkString(out, key, `transitiveTagKeys.${i + 1}.member`, TAG_KEY_RULE));
  checkOptional(out, request.externalId, 'externalId', EXTERNAL_ID_RULE);
  checkOptional(out, request.serialNumber, 'serialNumber', SERIAL_RULE);
  checkOptional(out, request.tokenCode, 'tokenCode', TOKEN_CODE_RULE);
  checkOptional(out, request.sourceIdentity, 'sourceIdentity', NAME_RULE);
  return out;
}

/**
 * Validates AssumeRole's parameters before anything is loaded, as STS does: first the API model's
 * constraints (all reported in one ValidationError with AWS's exact wording; a source identity with the
 * reserved `aws:` prefix is reported first), then the rules between parameters — managed policy count,
 * session policy plaintext size, tag keys unique case-insensitively, transitive keys among the passed tags, MFA pairs.
 * Returns null when the request is well formed.
 */
export function validateAssumeRoleRequest(request: AssumeRoleRequest): StsError | null {
  // Checked before the pattern (which also rejects `:`) so the caller learns the real reason.
  if (request.sourceIdentity?.toLowerCase().startsWith('aws:')) {
    return {
      code: 'ValidationError',
      message: "SourceIdentity must not start with the reserved prefix 'aws:'.",
      source: 'sourceIdentity',
    };
  }
  const violations = collectViolations(request);
  if (violations.length > 0) {
    return {
      code: 'ValidationError',
      message: formatConstraintViolations(violations),
      source: violations[0]?.path ?? '',
    };
  }
  const policyArns = request.policyArns ?? [];
  if (policyArns.length > ASSUME_ROLE_LIMITS.maxPolicyArns) {
    return {
      code: 'ValidationError',
      message: `The number of managed session policies must not exceed ${ASSUME_ROLE_LIMITS.maxPolicyArns}.`,
      source: 'policyArns',
    };
  }
  const plaintext = (request.policy ?? '').length + policyArns.reduce((sum, arn) => sum + arn.length, 0);
  if (plaintext > ASSUME_ROLE_LIMITS.maxSessionPolicyPlaintext) {
    return {
      code: 'ValidationError',
      message: `The plaintext of the inline and managed session policies must not exceed ${ASSUME_ROLE_LIMITS.maxSessionPolicyPlaintext} characters.`,
      source: 'policy',
    };
  }
  const seen = new Set<string>();
  for (const tag of request.tags ?? []) {
    if (isReservedTagKey(tag.key)) {
      return {
        code: 'ValidationError',
        message: `Session tag key '${tag.key}' is not allowed: tag keys beginning with 'aws:' are reserved for AWS use.`,
        source: 'tags',
      };
    }
    const key = tag.key.toLowerCase();
    if (seen.has(key)) {
      return {
        code: 'ValidationError',
        message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
        source: 'tags',
      };
    }
    seen.add(key);
  }
  for (const key of request.transitiveTagKeys ?? []) {
    if (!seen.has(key.toLowerCase())) {
      return {
        code: 'ValidationError',
        message: `The transitive tag key '${key}' must also be a session tag key passed in this request.`,
        source: 'transitiveTagKeys',
      };
    }
  }
  const hasSerial = request.serialNumber !== null && request.serialNumber !== undefined;
  const hasCode = request.tokenCode !== null && request.tokenCode !== undefined;
  if (hasSerial !== hasCode) {
    return {
      code: 'ValidationError',
      message: 'SerialNumber and TokenCode must be specified together.',
      source: hasSerial ? 'tokenCode' : 'serialNumber',
    };
  }
  return null;
}
