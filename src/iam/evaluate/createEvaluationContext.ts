import type { ContextValue, RequestContext } from '../conditions/RequestContext.js';
import type { EngineRequest } from './EngineRequest.js';

const one = (type: ContextValue['type'], value: string): ContextValue => ({ type, values: [value] });

/** Derives one global condition key from the principal, resource and time, or undefined when unknown. */
function deriveKey(request: EngineRequest, lowerKey: string): ContextValue | undefined {
  const { principal, resource } = request;
  const service = principal.type === 'Service';
  if (principal.type === 'Anonymous') {
    // AWS's request context of an unsigned request: no principal ARN, account or name, userid `anonymous`.
    if (lowerKey === 'aws:principaltype') return one('string', 'Anonymous');
    if (lowerKey === 'aws:userid') return one('string', 'anonymous');
    if (lowerKey.startsWith('aws:principal') || lowerKey === 'aws:username')
      return lowerKey === 'aws:principalisawsservice' ? one('boolean', 'false') : undefined;
  }
  switch (lowerKey) {
    case 'aws:principalarn':
      if (service) return undefined;
      return one('string', principal.type === 'AssumedRole' && principal.roleArn ? principal.roleArn : principal.arn);
    case 'aws:principalaccount':
      return service ? undefined : one('string', principal.account);
    case 'aws:principaltype':
      return service ? undefined : one('string', principal.type);
    case 'aws:principalservicename':
      return service ? one('string', principal.arn) : undefined;
    case 'aws:principalisawsservice':
      return one('boolean', String(service));
    case 'aws:userid':
      if (principal.userId) return one('string', principal.userId);
      return principal.type === 'Account' ? one('string', principal.account) : undefined;
    case 'aws:username':
      return principal.username ? one('string', principal.username) : undefined;
    case 'aws:principalorgid':
      return principal.orgId ? one('string', principal.orgId) : undefined;
    case 'aws:principalorgpaths':
      return principal.orgPaths ? { type: 'stringList', values: principal.orgPaths } : undefined;
    case 'aws:sourceidentity':
      return principal.sourceIdentity ? one('string', principal.sourceIdentity) : undefined;
    case 'aws:multifactorauthpresent':
      return principal.mfaPresent === null || principal.mfaPresent === undefined
        ? undefined
        : one('boolean', String(principal.mfaPresent));
    case 'aws:tokenissuetime':
      return principal.tokenIssueTime ? one('date', principal.tokenIssueTime.toISOString()) : undefined;
    case 'aws:multifactorauthage':
      if (!principal.mfaPresent || !principal.tokenIssueTime) return undefined;
      return one(
        'numeric',
        String(Math.floor(((request.now ?? new Date()).getTime() - principal.tokenIssueTime.getTime()) / 1000)),
      );
    case 'aws:currenttime':
      return one('date', (request.now ?? new Date()).toISOString());
    case 'aws:epochtime':
      return one('numeric', String(Math.floor((request.now ?? new Date()).getTime() / 1000)));
    case 'aws:resourceaccount':
      return one('string', resource.account ?? principal.account);
    case 'aws:resourceorgid':
      return resource.orgId ? one('string', resource.orgId) : undefined;
    case 'aws:resourceorgpaths':
      return resource.orgPaths ? { type: 'stringList', values: resource.orgPaths } : undefined;
  }
  if (lowerKey.startsWith('aws:principaltag/')) return findTag(principal.tags, lowerKey.slice(17));
  if (lowerKey.startsWith('aws:resourcetag/')) return findTag(resource.tags, lowerKey.slice(16));
  return undefined;
}

/** Tag keys compare case-insensitively; values do not. */
function findTag(
  tags: Readonly<Record<string, string>> | null | undefined,
  lowerTagKey: string,
): ContextValue | undefined {
  if (!tags) return undefined;
  for (const key in tags) if (key.toLowerCase() === lowerTagKey) return one('string', tags[key]!);
  return undefined;
}

/**
 * The request context conditions see: the caller's keys first, then global keys derived from the principal,
 * the resource and the time (aws:PrincipalArn, aws:userid, aws:CurrentTime, aws:PrincipalTag/*, ...).
 * Derivation is lazy and memoised per request, so requests whose policies read no keys pay nothing.
 */
export function createEvaluationContext(request: EngineRequest): RequestContext {
  const supplied = request.context ?? null;
  let derived: Map<string, ContextValue | undefined> | null = null;
  return {
    get(lowerKey) {
      const given = supplied?.get(lowerKey);
      if (given !== undefined) return given;
      derived ??= new Map();
      if (derived.has(lowerKey)) return derived.get(lowerKey);
      const value = deriveKey(request, lowerKey);
      derived.set(lowerKey, value);
      return value;
    },
  };
}
