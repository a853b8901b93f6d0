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
  /** The one copy of a compiled content's text, so each distinct policy text is held once. */
  text(hash: string): string | undefined;
  /** A value derived from a content once (`build` runs on the first call for that hash and name) and shared after. */
  derived<T>(hash: string, name: string, build: () => T): T;
  /** Distinct contents held. */
  readonly size: number;
}

/** Creates an empty table. An index keeps one for its lifetime and starts a new one with each full rebuild. */
export function createPolicyTable(): PolicyTable {
  type Entry = {
    policy: CompiledPolicy;
    text: string;
    kind: PolicyKind;
    keys: readonly string[] | null;
    derived?: Map<string, unknown>;
  };
  const byHash = new Map<string, Entry>();
  // Looked up by the text itself first, so a content seen before costs a map lookup, not a hash, parse and compile.
  const byText = new Map<PolicyKind, Map<string, Entry>>();
  return {
    compile(text, kind, sourcePolicyId) {
      let texts = byText.get(kind);
      if (texts === undefined) byText.set(kind, (texts = new Map()));
      let known = texts.get(text);
      if (known === undefined) {
        const result = compilePolicy(text, kind, sourcePolicyId);
        if (!result.ok) return result;
        known = byHash.get(result.policy.hash);
        if (known === undefined) {
          known = { policy: result.policy, text, kind, keys: null };
          byHash.set(result.policy.hash, known);
        }
        texts.set(known.text, known);
      }
      if (known.policy.sourcePolicyId === sourcePolicyId) return { ok: true, policy: known.policy };
      return { ok: true, policy: { ...known.policy, sourcePolicyId } };
    },
    grantKeys(hash) {
      const known = byHash.get(hash);
      if (known === undefined) return ['*\n'];
      known.keys ??= grantKeysOf(parsePolicy(known.text, known.kind).policy?.statements ?? []);
      return known.keys;
    },
    text: (hash) => byHash.get(hash)?.text,
    derived(hash, name, build) {
      const known = byHash.get(hash);
      if (known === undefined) return build();
      known.derived ??= new Map();
      if (!known.derived.has(name)) known.derived.set(name, build());
      return known.derived.get(name) as ReturnType<typeof build>;
    },
    get size() {
      return byHash.size;
    },
  };
}
