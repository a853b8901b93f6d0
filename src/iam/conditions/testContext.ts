import type { ContextKeyType } from '../simulationTypes.js';
import type { ContextValue, RequestContext } from './RequestContext.js';

/** Builds a request context for tests from `{ key: value | values }`, lower-casing keys as the engine does. */
export function createTestContext(
  entries: Record<string, string | string[]>,
  type: ContextKeyType = 'string',
): RequestContext {
  const map = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(entries)) {
    map.set(key.toLowerCase(), { type, values: Array.isArray(value) ? value : [value] });
  }
  return map;
}
