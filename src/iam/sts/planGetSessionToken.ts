import { formatConstraintViolations, type ConstraintViolation } from './formatConstraintViolations.js';
import { stsFail, stsOk, type StsResult } from './StsError.js';

/** The parameters of GetSessionToken. */
export interface GetSessionTokenRequest {
  durationSeconds?: number | null;
  serialNumber?: string | null;
  tokenCode?: string | null;
}

/** GetSessionToken's duration limits: users 900–129600 s (default 43200), the root user at most 3600. */
export const GET_SESSION_TOKEN_LIMITS = { min: 900, max: 129_600, defaultUser: 43_200, maxRoot: 3600 } as const;

/**
 * Validates GetSessionToken's parameters with AWS's messages and returns the session duration. A root
 * user's session is silently capped at one hour, as AWS documents.
 */
export function planGetSessionToken(request: GetSessionTokenRequest, isRoot: boolean): StsResult<number> {
  const violations: ConstraintViolation[] = [];
  const duration = request.durationSeconds;
  if (duration !== null && duration !== undefined) {
    if (duration < GET_SESSION_TOKEN_LIMITS.min) {
      violations.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value greater than or equal to ${GET_SESSION_TOKEN_LIMITS.min}`,
      });
    }
    if (duration > GET_SESSION_TOKEN_LIMITS.max) {
      violations.push({
        value: String(duration),
        path: 'durationSeconds',
        constraint: `have value less than or equal to ${GET_SESSION_TOKEN_LIMITS.max}`,
      });
    }
  }
  const serial = request.serialNumber;
  if (
    serial !== null &&
    serial !== undefined &&
    (serial.length < 9 || serial.length > 256 || !/^[\w+=/:,.@-]*$/.test(serial))
  ) {
    violations.push({
      value: serial,
      path: 'serialNumber',
      constraint: 'satisfy regular expression pattern: [\\w+=/:,.@-]*',
    });
  }
  const code = request.tokenCode;
  if (code !== null && code !== undefined && !/^\d{6}$/.test(code)) {
    violations.push({
      value: code,
      path: 'tokenCode',
      constraint: code.length === 6 ? 'satisfy regular expression pattern: [\\d]*' : 'have length equal to 6',
    });
  }
  if (violations.length > 0) {
    return stsFail('ValidationError', formatConstraintViolations(violations), violations[0]?.path ?? '');
  }
  if ((serial === null || serial === undefined) !== (code === null || code === undefined)) {
    return stsFail('ValidationError', 'SerialNumber and TokenCode must be specified together.', 'tokenCode');
  }
  const requested = duration ?? (isRoot ? GET_SESSION_TOKEN_LIMITS.maxRoot : GET_SESSION_TOKEN_LIMITS.defaultUser);
  return stsOk(isRoot ? Math.min(requested, GET_SESSION_TOKEN_LIMITS.maxRoot) : requested);
}
