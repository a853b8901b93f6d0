import type { ScenarioPolicyDocument } from './scenarioTypes.js';

/**
 * The stored text of a scenario policy: JSON text is kept as written (its positions are what explanations
 * point at), an object is pretty-printed with two spaces so matched statements land on readable lines.
 */
export function stringifyPolicy(document: ScenarioPolicyDocument): string {
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}
