import { createHash } from 'node:crypto';
import { compileCondition, type CompiledCondition } from '../conditions/compileCondition.js';
import {
  compileActionMatcher,
  compileResourceMatcher,
  type ActionMatcher,
  type ResourceMatcher,
} from '../match/compileElementMatchers.js';
import { compilePrincipalMatcher, type PrincipalMatcher } from '../match/matchPrincipal.js';
import type { PolicyIssue, PolicyKind, PolicyStatement } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { Position } from '../simulationTypes.js';
import { createCompileCache } from '../match/compileGlob.js';
import { createLruCache } from './createLruCache.js';

/** A statement compiled into matchers and condition closures; evaluating it touches no JSON. */
export interface CompiledStatement {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  start: Position;
  end: Position;
  matchesAction: ActionMatcher;
  /** null when the statement has no Resource element (trust policies): every resource matches. */
  matchesResource: ResourceMatcher | null;
  /** null when the statement has no Principal element (identity-side policies). */
  matchesPrincipal: PrincipalMatcher | null;
  conditions: CompiledCondition[];
}

/** A policy compiled once and shared by every request that uses the same text and kind. */
export interface CompiledPolicy {
  kind: PolicyKind;
  /** Where the policy came from, e.g. `PolicyInputList.1` or a stored policy's ARN. */
  sourcePolicyId: string;
  /** sha256 of kind and text, computed once when compiled: a stable identity for the policy's content. */
  hash: string;
  statements: CompiledStatement[];
}

/** A compiled policy, or the faults that stopped compilation. */
export type CompilePolicyResult = { ok: true; policy: CompiledPolicy } | { ok: false; errors: PolicyIssue[] };

type CompiledBody = Omit<CompiledPolicy, 'sourcePolicyId'> & {
  /** The body stamped with the first source id it was used under. */
  first: CompiledPolicy | null;
  /** …and with each other source id (a handful: `PolicyInputList.1`, an ARN), made on the second, so a hit allocates nothing. */
  stamped: Map<string, CompiledPolicy> | null;
};
const MAX_STAMPS = 64;

const CACHE_CAPACITY = 2048;
/**
 * One cache per policy kind, keyed by the policy text itself: a JavaScript engine hashes a string once and
 * keeps the hash on it, so a caller that passes the same text again (a stored policy, a repeated simulation)
 * finds its compiled policy without re-reading the text — where a sha256 key cost a pass over every byte of
 * every policy on every call.
 */
const caches = new Map<PolicyKind, ReturnType<typeof createLruCache<CompiledBody | PolicyIssue[]>>>();

/**
 * Compiled elements shared by every statement that has the same element: matchers and conditions are pure
 * functions of their element's text, and policies repeat them (`Principal: "*"`, `aws:SecureTransport`, an
 * account's bucket prefix), so an index of a large organization holds one of each instead of one per statement.
 * Emptied when full, like the matchers' own caches: a statement compiled after that compiles its elements again.
 */
const ELEMENT_CACHE_CAPACITY = 4096;
const sharedActions = createCompileCache<ActionMatcher>(ELEMENT_CACHE_CAPACITY);
const sharedResources = createCompileCache<ResourceMatcher>(ELEMENT_CACHE_CAPACITY);
const sharedPrincipals = createCompileCache<PrincipalMatcher>(ELEMENT_CACHE_CAPACITY);
const sharedConditions = createCompileCache<CompiledCondition>(ELEMENT_CACHE_CAPACITY);

function compileStatement(statement: PolicyStatement, variablesEnabled: boolean): CompiledStatement {
  const actions = statement.action ?? statement.notAction ?? [];
  const resources = statement.resource ?? statement.notResource;
  const principal = statement.principal ?? statement.notPrincipal;
  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    start: statement.start,
    end: statement.end,
    matchesAction: sharedActions(JSON.stringify([statement.action === null, actions]), () =>
      compileActionMatcher(actions, statement.action === null),
    ),
    matchesResource:
      resources === null
        ? null
        : sharedResources(JSON.stringify([statement.resource === null, variablesEnabled, resources]), () =>
            compileResourceMatcher(resources, statement.resource === null, variablesEnabled),
          ),
    matchesPrincipal:
      principal === null
        ? null
        : sharedPrincipals(JSON.stringify([statement.principal === null, principal]), () =>
            compilePrincipalMatcher(principal, statement.principal === null),
          ),
    conditions: statement.conditions.map(({ operator, key, values }) =>
      sharedConditions(JSON.stringify([operator, key, values, variablesEnabled]), () =>
        compileCondition(operator, key, values, variablesEnabled)!,
      ),
    ),
  };
}

/**
 * Parses, validates and compiles policy text of a kind, caching the result by (kind, text) in a bounded LRU,
 * so a policy used by many requests is compiled once. Never throws; malformed text yields
 * `MalformedPolicyDocument` faults with positions.
 */
export function compilePolicy(text: string, kind: PolicyKind, sourcePolicyId: string): CompilePolicyResult {
  let cache = caches.get(kind);
  if (cache === undefined) caches.set(kind, (cache = createLruCache(CACHE_CAPACITY)));
  let body = cache.get(text);
  if (body === undefined) {
    const { policy, errors } = parsePolicy(text, kind);
    if (policy === null) body = errors;
    else {
      const variablesEnabled = policy.version === '2012-10-17';
      const hash = createHash('sha256').update(kind).update('\u0000').update(text).digest('hex');
      body = {
        kind,
        hash,
        statements: policy.statements.map((s) => compileStatement(s, variablesEnabled)),
        first: null,
        stamped: null,
      };
    }
    cache.set(text, body);
  }
  if (Array.isArray(body)) return { ok: false, errors: body };
  const stamp = () => ({ kind: body.kind, hash: body.hash, statements: body.statements, sourcePolicyId });
  if (body.first === null) body.first = stamp();
  if (body.first.sourcePolicyId === sourcePolicyId) return { ok: true, policy: body.first };
  body.stamped ??= new Map();
  let compiled = body.stamped.get(sourcePolicyId);
  if (compiled === undefined) {
    if (body.stamped.size >= MAX_STAMPS) body.stamped.clear();
    compiled = stamp();
    body.stamped.set(sourcePolicyId, compiled);
  }
  return { ok: true, policy: compiled };
}
