import type { SessionTag } from './AssumeRoleRequest.js';
import { stsFail, stsOk, type StsResult } from './StsError.js';

/** What a calling session passes on to the next session of a chain. */
export interface InheritedTags {
  /** The calling session's tags. */
  tags: readonly SessionTag[];
  /** Which of them are transitive. */
  transitiveTagKeys: readonly string[];
}

/** The tags a new session stores: inherited transitive tags plus those passed in the request. */
export interface ResolvedSessionTags {
  tags: SessionTag[];
  transitiveTagKeys: string[];
}

const lower = (key: string): string => key.toLowerCase();

/**
 * Builds a new session's tags. Transitive tags of the calling session are inherited (and stay transitive);
 * passing a tag whose key matches an inherited transitive key fails, because a chain cannot override them.
 * Request tags are assumed validated (unique keys, transitive keys among them).
 */
export function resolveSessionTags(
  requestTags: readonly SessionTag[],
  requestTransitiveKeys: readonly string[],
  inherited: InheritedTags | null,
): StsResult<ResolvedSessionTags> {
  const inheritedKeys = new Set((inherited?.transitiveTagKeys ?? []).map(lower));
  const inheritedTags = (inherited?.tags ?? []).filter((tag) => inheritedKeys.has(lower(tag.key)));
  for (const tag of requestTags) {
    if (inheritedKeys.has(lower(tag.key))) {
      return stsFail(
        'ValidationError',
        `The session tag key '${tag.key}' cannot be set because the calling session passed a transitive tag with the same key.`,
        'tags',
      );
    }
  }
  const transitive = [...inheritedTags.map((tag) => tag.key), ...requestTransitiveKeys];
  return stsOk({ tags: [...inheritedTags, ...requestTags], transitiveTagKeys: transitive });
}

/**
 * The tags a session principal carries as `aws:PrincipalTag`: the role's tags, overridden by session tags
 * with the same key compared case-insensitively (the session tag's spelling wins).
 */
export function mergePrincipalTags(roleTags: readonly SessionTag[], sessionTags: readonly SessionTag[]): SessionTag[] {
  const overridden = new Set(sessionTags.map((tag) => lower(tag.key)));
  return [...roleTags.filter((tag) => !overridden.has(lower(tag.key))), ...sessionTags];
}
