import type { Context } from '../../context.js';
import { loadRequestCallerSide } from '../cache/cachedCallerFacts.js';
import { loadCachedRole } from '../cache/cachedRoles.js';
import type { StsDependencies } from './stsAssumeRole.js';

/**
 * What an STS call made within a request works with: the request's loaders, and the caller's side and the
 * role from the version-keyed caches, so a cached caller assuming a cached role reads nothing but the version.
 */
export function stsDependenciesOf(context: Context): StsDependencies {
  return {
    prisma: context.database.prisma,
    cipher: context.cipher,
    now: new Date(),
    loaders: context.authorization.loaders,
    callerSide: (caller) => loadRequestCallerSide(context, caller),
    findRole: (arn) => loadCachedRole(context, arn),
  };
}
