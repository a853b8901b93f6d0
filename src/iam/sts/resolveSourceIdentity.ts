import { stsFail, stsOk, type StsResult } from './StsError.js';

/** A session's source identity and whether setting it needs `sts:SetSourceIdentity`. */
export interface ResolvedSourceIdentity {
  sourceIdentity: string | null;
  /** True when a source identity is set or carried into the new session: both sides must allow sts:SetSourceIdentity. */
  requiresSetSourceIdentity: boolean;
}

/**
 * Decides the source identity of a new session. Once set it is immutable along a chain: the calling
 * session's value is carried on, and requesting a different one fails.
 */
export function resolveSourceIdentity(
  requested: string | null | undefined,
  inherited: string | null | undefined,
): StsResult<ResolvedSourceIdentity> {
  const asked = requested ?? null;
  const carried = inherited ?? null;
  if (carried !== null && asked !== null && asked !== carried) {
    return stsFail(
      'ValidationError',
      `The source identity '${asked}' does not match the source identity '${carried}' of the calling session; a source identity cannot be changed once set.`,
      'sourceIdentity',
    );
  }
  const sourceIdentity = asked ?? carried;
  return stsOk({ sourceIdentity, requiresSetSourceIdentity: sourceIdentity !== null });
}
