import { parseArn } from '../arn/parseArn.js';
import type { ContextEntry } from '../simulationTypes.js';
import { createContextFromEntries, type ContextFromEntries } from './createContextFromEntries.js';
import { createPrincipalFromArn } from './createPrincipalFromArn.js';
import { createLruCache } from './createLruCache.js';
import type { EnginePrincipal } from './EngineRequest.js';

/**
 * Simulations repeat the same callers, resource ARNs, actions and context entries; what `simulate` derives
 * from them only by parsing is kept in small bounded caches of pure values (never mutated by the engine), so
 * a repeated question costs evaluation, not parsing. Policies are cached by `compilePolicy`.
 */
const principals = createLruCache<EnginePrincipal | 'invalid'>(512);
const ownedPrincipals = createLruCache<EnginePrincipal | 'invalid'>(512);
const resourceKinds = createLruCache<ResourceArnKind>(4096);
const actionNames = createLruCache<boolean>(4096);
const contexts = createLruCache<ContextFromEntries>(1024);

const ACTION_NAME = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;
const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\//;
const KMS_KEY_ARN = /^arn:[^:]+:kms:[^:]*:\d{12}:key\//;

/** What a simulated resource ARN is: `*`, a role (its resource policy is a trust policy), a KMS key, another resource, or not an ARN. */
export type ResourceArnKind = 'any' | 'role' | 'kmsKey' | 'other' | 'invalid';

/** The simulator's principal for a caller ARN and resource owner; null when the ARN is unusable. */
export function findSimulationPrincipal(
  callerArn: string | null | undefined,
  owner: string | null,
): EnginePrincipal | null {
  // An account id has no space, so `owner caller` cannot collide; callers without an owner have their own cache.
  const cache = owner === null ? principals : ownedPrincipals;
  const key = owner === null ? (callerArn ?? '') : `${owner} ${callerArn ?? ''}`;
  let principal = cache.get(key);
  if (principal === undefined) cache.set(key, (principal = createPrincipalFromArn(callerArn, owner) ?? 'invalid'));
  return principal === 'invalid' ? null : principal;
}

/** Classifies a simulated resource ARN once per distinct ARN. */
export function classifyResourceArn(arn: string): ResourceArnKind {
  let kind = resourceKinds.get(arn);
  if (kind === undefined) {
    kind =
      arn === '*'
        ? 'any'
        : parseArn(arn) === null
          ? 'invalid'
          : ROLE_ARN.test(arn)
            ? 'role'
            : KMS_KEY_ARN.test(arn)
              ? 'kmsKey'
              : 'other';
    resourceKinds.set(arn, kind);
  }
  return kind;
}

/** Whether an action name has the `service:Action` shape (wildcards allowed), checked once per distinct name. */
export function isValidActionName(action: string): boolean {
  let valid = actionNames.get(action);
  if (valid === undefined) actionNames.set(action, (valid = ACTION_NAME.test(action)));
  return valid;
}

/**
 * The request context of simulator entries, built once per distinct list of entries (the key is the entries'
 * text, far cheaper than re-validating typed values such as IP networks).
 */
export function findSimulationContext(entries: readonly ContextEntry[]): ContextFromEntries {
  let key = '';
  for (const entry of entries) key += `${entry.key}\u0001${entry.type ?? ''}\u0001${entry.values.join('\u0002')}\u0003`;
  let context = contexts.get(key);
  if (context === undefined) contexts.set(key, (context = createContextFromEntries(entries)));
  return context;
}
