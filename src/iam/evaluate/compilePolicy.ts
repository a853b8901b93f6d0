import { createHash } from 'node:crypto';
import { compileCondition, type CompiledCondition } from '../conditions/compileCondition.js';
import { compileActionMatcher, compileResourceMatcher, type ActionMatcher, type ResourceMatcher } from '../match/compileElementMatchers.js';
import { compilePrincipalMatcher, type PrincipalMatcher } from '../match/matchPrincipal.js';
import type { PolicyIssue, PolicyKind, PolicyStatement } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { Position } from '../simulationTypes.js';
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
  /** sha256 of kind and text: the cache key, and a stable identity for the policy's content. */
  hash: string;
  statements: CompiledStatement[];
}

/** A compiled policy, or the faults that stopped compilation. */
export type CompilePolicyResult = { ok: true; policy: CompiledPolicy } | { ok: false; errors: PolicyIssue[] };

type CompiledBody = Omit<CompiledPolicy, 'sourcePolicyId'>;

const CACHE_CAPACITY = 2048;
const cache = createLruCache<CompiledBody | PolicyIssue[]>(CACHE_CAPACITY);

function compileStatement(statement: PolicyStatement, variablesEnabled: boolean): CompiledStatement {
  const resources = statement.resource ?? statement.notResource;
  const principal = statement.principal ?? statement.notPrincipal;
  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    start: statement.start,
    end: statement.end,
    matchesAction: compileActionMatcher(statement.action ?? statement.notAction ?? [], statement.action === null),
    matchesResource: resources === null ? null : compileResourceMatcher(resources, statement.resource === null, variablesEnabled),
    matchesPrincipal: principal === null ? null : compilePrincipalMatcher(principal, statement.principal === null),
    conditions: statement.conditions.map(
      (condition) => compileCondition(condition.operator, condition.key, condition.values, variablesEnabled)!,
    ),
  };
}

/**
 * Parses, validates and compiles policy text of a kind, caching the result by sha256(kind, text) in a
 * bounded LRU, so a policy used by many requests is compiled once. Never throws; malformed text yields
 * `MalformedPolicyDocument` faults with positions.
 */
export function compilePolicy(text: string, kind: PolicyKind, sourcePolicyId: string): CompilePolicyResult {
  const hash = createHash('sha256').update(kind).update('\u0000').update(text).digest('hex');
  let body = cache.get(hash);
  if (body === undefined) {
    const { policy, errors } = parsePolicy(text, kind);
    if (policy === null) body = errors;
    else {
      const variablesEnabled = policy.version === '2012-10-17';
      body = { kind, hash, statements: policy.statements.map((s) => compileStatement(s, variablesEnabled)) };
    }
    cache.set(hash, body);
  }
  if (Array.isArray(body)) return { ok: false, errors: body };
  return { ok: true, policy: { ...body, sourcePolicyId } };
}
