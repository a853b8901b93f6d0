import { echoValue } from '../../graphql/edge/echoValue.js';
import { awsError } from '../../graphql/errors.js';
import { isReservedTagKey } from '../../iam/index.js';

/** IAM's name pattern for users, groups, roles, policies, inline policies and MFA devices. */
const NAME_PATTERN = /^[\w+=,.@-]+$/;
/** IAM's path pattern: `/` alone, or `/…/` of printable ASCII. */
const PATH_PATTERN = /^(\/|\/[\u0021-\u007e]+\/)$/;
const MAX_PATH = 512;

/**
 * AWS's generic constraint message ("1 validation error detected: Value 'x' at 'userName' failed to satisfy
 * constraint: …"), so clients that parse AWS's wording see the same text here. Quotes at most 128 characters.
 */
export function constraintMessage(field: string, value: unknown, constraint: string): string {
  return `1 validation error detected: Value '${echoValue(value, 128)}' at '${field}' failed to satisfy constraint: ${constraint}`;
}

/** Throws ValidationError unless `value` is an IAM name of 1–`max` characters from `[\w+=,.@-]`. */
export function checkIamName(field: string, value: string, max: number): void {
  if (value.length < 1)
    throw awsError(
      'ValidationError',
      constraintMessage(field, value, 'Member must have length greater than or equal to 1'),
    );
  if (value.length > max)
    throw awsError(
      'ValidationError',
      constraintMessage(field, value, `Member must have length less than or equal to ${max}`),
    );
  if (!NAME_PATTERN.test(value)) {
    throw awsError(
      'ValidationError',
      constraintMessage(field, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+'),
    );
  }
}

/** Returns the path (default `/`) or throws ValidationError with IAM's path message. */
export function checkIamPath(value: string | null | undefined): string {
  const path = value ?? '/';
  if (path.length > MAX_PATH)
    throw awsError(
      'ValidationError',
      constraintMessage('path', path, `Member must have length less than or equal to ${MAX_PATH}`),
    );
  if (!PATH_PATTERN.test(path)) {
    throw awsError(
      'ValidationError',
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    );
  }
  return path;
}

/** The limits IAM enforces per identity (AWS's IAM quotas page). */
export const IAM_LIMITS = {
  userName: 64,
  roleName: 64,
  groupName: 128,
  policyName: 128,
  managedPoliciesPerIdentity: 10,
  groupsPerUser: 10,
  accessKeysPerUser: 2,
  versionsPerPolicy: 5,
  tagsPerEntity: 50,
  tagKey: 128,
  tagValue: 256,
  descriptionLength: 1000,
  minSessionDuration: 3600,
  maxSessionDuration: 43200,
  /** Inline policy totals (whitespace not counted): user, group, role. */
  inlineTotal: { USER: 2048, GROUP: 5120, ROLE: 10240 },
} as const;

/** A tag as a mutation passes it. */
export interface TagInput {
  key: string;
  value: string;
}

const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Checks tags the way IAM's TagUser/TagRole do: key 1–128 and value 0–256 characters from
 * `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, no key twice (case-insensitively), at most 50 per call.
 */
export function checkTags(tags: readonly TagInput[]): void {
  if (tags.length > IAM_LIMITS.tagsPerEntity) {
    throw awsError(
      'ValidationError',
      constraintMessage(
        'tags',
        `[${tags.length} tags]`,
        `Member must have length less than or equal to ${IAM_LIMITS.tagsPerEntity}`,
      ),
    );
  }
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const at = `tags.${index + 1}.member`;
    if (tag.key.length < 1 || tag.key.length > IAM_LIMITS.tagKey) {
      throw awsError(
        'ValidationError',
        constraintMessage(`${at}.key`, tag.key, `Member must have length between 1 and ${IAM_LIMITS.tagKey}`),
      );
    }
    if (!TAG_PATTERN.test(tag.key))
      throw awsError(
        'ValidationError',
        constraintMessage(
          `${at}.key`,
          tag.key,
          'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
        ),
      );
    if (tag.value.length > IAM_LIMITS.tagValue) {
      throw awsError(
        'ValidationError',
        constraintMessage(
          `${at}.value`,
          tag.value,
          `Member must have length less than or equal to ${IAM_LIMITS.tagValue}`,
        ),
      );
    }
    if (!TAG_PATTERN.test(tag.value))
      throw awsError(
        'ValidationError',
        constraintMessage(
          `${at}.value`,
          tag.value,
          'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
        ),
      );
    if (isReservedTagKey(tag.key))
      throw awsError(
        'InvalidInput',
        `Tag key ${tag.key} is not allowed: tag keys beginning with aws: are reserved for AWS use.`,
      );
    const lower = tag.key.toLowerCase();
    if (seen.has(lower))
      throw awsError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
  });
}

/** Throws ValidationError unless a role's maximum session duration is 3600–43200 seconds. */
export function checkMaxSessionDuration(value: number): void {
  if (value < IAM_LIMITS.minSessionDuration) {
    throw awsError(
      'ValidationError',
      constraintMessage(
        'maxSessionDuration',
        value,
        `Member must have value greater than or equal to ${IAM_LIMITS.minSessionDuration}`,
      ),
    );
  }
  if (value > IAM_LIMITS.maxSessionDuration) {
    throw awsError(
      'ValidationError',
      constraintMessage(
        'maxSessionDuration',
        value,
        `Member must have value less than or equal to ${IAM_LIMITS.maxSessionDuration}`,
      ),
    );
  }
}

/** Throws ValidationError when a description exceeds IAM's 1000 characters. */
export function checkDescription(value: string | null | undefined): string {
  const description = value ?? '';
  if (description.length > IAM_LIMITS.descriptionLength) {
    throw awsError(
      'ValidationError',
      constraintMessage(
        'description',
        description,
        `Member must have length less than or equal to ${IAM_LIMITS.descriptionLength}`,
      ),
    );
  }
  return description;
}
