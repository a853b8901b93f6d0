import { compileActionSet } from './compileActionSet.js';
import {
  compileGlob,
  compilePattern,
  globKey,
  createCompileCache,
  type GlobPart,
  type TextMatcher,
} from './compileGlob.js';
import { parseTemplate, resolveTemplate, type Template } from '../conditions/policyVariables.js';
import type { RequestContext } from '../conditions/RequestContext.js';

/** Tests a lower-cased action name against an Action or NotAction element. */
export type ActionMatcher = (lowerAction: string) => boolean;

/**
 * Tests a resource ARN against a Resource or NotResource element. Policy variables are filled from the
 * context; a variable whose key is missing makes the element not match (and is pushed onto `missing`).
 */
export type ResourceMatcher = (resource: string, context: RequestContext, missing: string[]) => boolean;

/** Below this many patterns, trying each compiled pattern is as fast as building the per-service sets. */
const SMALL_ACTION_LIST = 4;

/**
 * Compiles Action (or NotAction, with `negate`) patterns: case-insensitive, with `*` and `?`. Long lists
 * (the thousands of patterns of AWS's read-only managed policies) compile into per-service sets, so a
 * match costs the same however many patterns a statement lists.
 */
export function compileActionMatcher(patterns: string[], negate: boolean): ActionMatcher {
  let any: ActionMatcher;
  if (patterns.length > SMALL_ACTION_LIST) any = compileActionSet(patterns.map((pattern) => pattern.toLowerCase()));
  else {
    const tests = patterns.map((pattern) => compilePattern(pattern.toLowerCase()));
    any = tests.length === 1 ? tests[0]! : (action: string) => tests.some((test) => test(action));
  }
  return negate ? (action) => !any(action) : any;
}

/**
 * Compiles Resource (or NotResource) patterns with ARN-segment semantics: wildcards stay within the first
 * five `:` segments, the resource part may contain `:` and `/`. Case-sensitive, as ARNs are.
 */
export function compileResourceMatcher(
  patterns: string[],
  negate: boolean,
  variablesEnabled: boolean,
): ResourceMatcher {
  const staticTests: TextMatcher[] = [];
  const dynamic: Template[] = [];
  for (const pattern of patterns) {
    const template = parseTemplate(pattern, variablesEnabled);
    if (template.variables.length === 0) staticTests.push(compileGlob(template.parts as GlobPart[], { arn: true }));
    else dynamic.push(template);
  }
  if (dynamic.length === 0) return staticResourceMatcher(staticTests, negate);
  const cache = createCompileCache<TextMatcher>();
  return (resource, context, missing) => {
    let matched = false;
    for (const test of staticTests)
      if (test(resource)) {
        matched = true;
        break;
      }
    if (!matched) {
      for (const template of dynamic) {
        const resolved = resolveTemplate(template, (key) => {
          const value = context.get(key);
          return value !== undefined && value.values.length === 1 ? value.values[0] : undefined;
        });
        if ('missingKey' in resolved) {
          missing.push(resolved.missingKey);
          return false;
        }
        const test = cache(globKey(resolved.parts), () => compileGlob(resolved.parts, { arn: true }));
        if (test(resource)) {
          matched = true;
          break;
        }
      }
    }
    return matched !== negate;
  };
}

/**
 * A Resource element without policy variables: its tests only (made here, not in compileResourceMatcher, so the
 * closure keeps no per-request cache or pattern text — an index holds hundreds of thousands of these).
 */
function staticResourceMatcher(tests: TextMatcher[], negate: boolean): ResourceMatcher {
  if (tests.length === 1) {
    const test = tests[0]!;
    return (resource) => test(resource) !== negate;
  }
  return (resource) => tests.some((test) => test(resource)) !== negate;
}
