import { stsFail, stsOk, type StsResult } from './StsError.js';

/** The session length AWS gives when DurationSeconds is omitted. */
export const DEFAULT_SESSION_SECONDS = 3600;

/** The cap on a session made by role chaining. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** What decides a session's length. */
export interface SessionDurationInput {
  /** DurationSeconds as requested (already within 900–43200), or null for the default. */
  requestedSeconds: number | null | undefined;
  /** The role's MaxSessionDuration (3600–43200). */
  roleMaxSessionDuration: number;
  /** Whether the caller is itself a role session (role chaining). */
  chained: boolean;
}

/**
 * Decides a session's duration as AWS does: the default is one hour; a request above the role's
 * MaxSessionDuration fails; a chained session may not exceed one hour, whatever the role allows.
 */
export function resolveSessionDuration(input: SessionDurationInput): StsResult<number> {
  const requested = input.requestedSeconds ?? DEFAULT_SESSION_SECONDS;
  if (input.chained && requested > ROLE_CHAINING_MAX_SECONDS) {
    return stsFail(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      'durationSeconds',
    );
  }
  if (requested > input.roleMaxSessionDuration) {
    return stsFail(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      'durationSeconds',
    );
  }
  return stsOk(requested);
}
