import type { ContextKeyType } from '../simulationTypes.js';

/** One request context value: its type and its values (one for single-valued keys). */
export interface ContextValue {
  type: ContextKeyType;
  values: readonly string[];
}

/**
 * The request context the conditions read, keyed by LOWER-CASED key name (tag key parts included),
 * because AWS compares condition key names case-insensitively. A `Map` satisfies it; the evaluator uses a
 * lazy layered view so derived global keys cost nothing unless a condition reads them.
 */
export interface RequestContext {
  get(lowerKey: string): ContextValue | undefined;
}
