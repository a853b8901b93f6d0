import type { CompiledPolicy } from './compilePolicy.js';

/**
 * The condition keys the policies' Condition blocks reference, each once (keys compare case-insensitively, the
 * first spelling kept), in the order they appear: what IAM's GetContextKeysForCustomPolicy and
 * GetContextKeysForPrincipalPolicy report, so a caller knows which context entries a simulation needs.
 */
export function listContextKeys(policies: readonly CompiledPolicy[]): string[] {
  const keys = new Map<string, string>();
  for (const policy of policies) {
    for (const statement of policy.statements) {
      for (const condition of statement.conditions)
        if (!keys.has(condition.lowerKey)) keys.set(condition.lowerKey, condition.key);
    }
  }
  return [...keys.values()];
}
