import type { ContextEntry } from '../simulationTypes.js';
import type { AssumeRoleRequest } from './AssumeRoleRequest.js';

/** The MFA state of the call: when the caller last authenticated with MFA, if ever. */
export interface MfaState {
  /** When MFA was used: now for a TokenCode in this request, or the calling session's MFA time. */
  authenticatedAt: Date | null;
  /**
   * Whether the caller signed with temporary credentials. AWS puts `aws:MultiFactorAuthPresent` (false)
   * in the context only for those; long-term keys leave it out, which is why `BoolIfExists` matters.
   */
  temporaryCredentials: boolean;
}

/** The MFA keys of a request context: present/age when MFA was used, `false` for sessions without it. */
export function buildMfaContext(mfa: MfaState, now: Date): ContextEntry[] {
  if (mfa.authenticatedAt !== null) {
    const age = Math.max(0, Math.floor((now.getTime() - mfa.authenticatedAt.getTime()) / 1000));
    return [
      { key: 'aws:MultiFactorAuthPresent', values: ['true'], type: 'boolean' },
      { key: 'aws:MultiFactorAuthAge', values: [String(age)], type: 'numeric' },
    ];
  }
  return mfa.temporaryCredentials ? [{ key: 'aws:MultiFactorAuthPresent', values: ['false'], type: 'boolean' }] : [];
}

/**
 * The request-specific context keys of an sts:AssumeRole evaluation, for both the trust policy and the
 * caller's identity policies: `sts:ExternalId`, `sts:RoleSessionName`, `sts:SourceIdentity`,
 * `aws:RequestTag/*`, `aws:TagKeys`, `sts:TransitiveTagKeys` and the MFA keys. Keys for parameters that
 * were not passed are left out, so `Null` and `…IfExists` conditions behave as in AWS.
 */
export function buildAssumeRoleContext(request: AssumeRoleRequest, mfa: MfaState, now: Date): ContextEntry[] {
  const entries: ContextEntry[] = [{ key: 'sts:RoleSessionName', values: [request.roleSessionName], type: 'string' }];
  if (request.externalId !== null && request.externalId !== undefined) {
    entries.push({ key: 'sts:ExternalId', values: [request.externalId], type: 'string' });
  }
  if (request.sourceIdentity !== null && request.sourceIdentity !== undefined) {
    entries.push({ key: 'sts:SourceIdentity', values: [request.sourceIdentity], type: 'string' });
  }
  const tags = request.tags ?? [];
  for (const tag of tags) {
    entries.push({ key: `aws:RequestTag/${tag.key}`, values: [tag.value], type: 'string' });
  }
  if (tags.length > 0) {
    entries.push({ key: 'aws:TagKeys', values: tags.map((tag) => tag.key), type: 'stringList' });
  }
  const transitive = request.transitiveTagKeys ?? [];
  if (transitive.length > 0) {
    entries.push({ key: 'sts:TransitiveTagKeys', values: [...transitive], type: 'stringList' });
  }
  return [...entries, ...buildMfaContext(mfa, now)];
}
