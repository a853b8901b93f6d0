import { compilePolicy, type CompiledPolicy, type CompilePolicyResult } from '../evaluate/compilePolicy.js';
import type { PolicyKind } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import { grantKeysOf } from './createGrantIndex.js';

/**
 * Compiled policies shared by content across a whole model: the same text (a managed policy attached 10,000
 * times, the same inline policy on every role) is compiled, stored and indexed once, however many principals
 * and accounts carry it — the engine's own compile cache is a bounded LRU and forgets across a large build.
 */
export interface PolicyTable {
  /** Compiles `text` as `kind` for `sourcePolicyId`, sharing the statements of every earlier policy with the same content. */
  compile(text: string, kind: PolicyKind, sourcePolicyId: string): CompilePolicyResult;
  /** The grant keys of an identity policy compiled through this table (see `grantKeysOf`), by content hash. */
  grantKeys(hash: string): readonly string[];
  /** Distinct contents held. */
  readonly size: number;
}

/** Creates an empty table. An index keeps one for its lifetime and starts a new one with each full rebuild. */
export function createPolicyTable(): PolicyTable {
  const byHash = new Map<string, { policy: CompiledPolicy; text: string; kind: PolicyKind; keys: readonly string[] | null }>();
  return {
    compile(text, kind, sourcePolicyId) {
      const result = compilePolicy(text, kind, sourcePolicyId);
      if (!result.ok) return result;
      const known = byHash.get(result.policy.hash);
      if (known === undefined) {
        byHash.set(result.policy.hash, { policy: result.policy, text, kind, keys: null });
        return result;
      }
      if (known.policy.sourcePolicyId === sourcePolicyId) return { ok: true, policy: known.policy };
      return { ok: true, policy: { ...result.policy, statements: known.policy.statements } };
    },
    grantKeys(hash) {
      const known = byHash.get(hash);
      if (known === undefined) return ['*\n'];
      known.keys ??= grantKeysOf(parsePolicy(known.text, known.kind).policy?.statements ?? []);
      return known.keys;
    },
    get size() {
      return byHash.size;
    },
  };
}
