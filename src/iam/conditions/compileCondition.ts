import { globKey, createCompileCache, type GlobPart } from '../match/compileGlob.js';
import { resolveOperator, type ResolvedOperator } from './conditionRegistry.js';
import type { ValueTest } from './OperatorFamily.js';
import { parseTemplate, resolveTemplate, type Template } from './policyVariables.js';
import type { RequestContext } from './RequestContext.js';

/** The outcome of one condition: it matched, it did not, or it did not because a key was missing. */
export type ConditionOutcome = 'match' | 'noMatch' | 'missingKey';

/** One operator/key pair of a Condition block, compiled once per policy. */
export interface CompiledCondition {
  operator: string;
  key: string;
  lowerKey: string;
  /** `Null` tests presence on purpose, so its key is never reported as missing. */
  isNull: boolean;
  /**
   * Evaluates against the request context. Keys the context lacks (the condition key, or a policy
   * variable's key) are pushed onto `missing` so the simulator can report them.
   */
  evaluate(context: RequestContext, missing: string[]): ConditionOutcome;
}

const lookupIn = (context: RequestContext) => (lowerKey: string) => {
  const value = context.get(lowerKey);
  return value !== undefined && value.values.length === 1 ? value.values[0] : undefined;
};

/** Builds the values test, resolving policy variables per request when the values use them. */
function createValueTest(
  operator: ResolvedOperator,
  values: string[],
  variablesEnabled: boolean,
): (context: RequestContext, missing: string[]) => ValueTest | null {
  const useVariables = variablesEnabled && operator.family.supportsVariables;
  const templates: Template[] = values.map((value) => parseTemplate(value, useVariables));
  const dynamic = templates.some((template) => template.variables.length > 0);
  if (!dynamic) {
    const test = operator.family.compile(
      operator.base,
      templates.map((t) => t.parts as GlobPart[]),
    );
    return () => test;
  }
  const cache = createCompileCache<ValueTest>();
  return (context, missing) => {
    const lookup = lookupIn(context);
    const resolved: GlobPart[][] = [];
    for (const template of templates) {
      const result = resolveTemplate(template, lookup);
      if ('missingKey' in result) {
        missing.push(result.missingKey);
        return null;
      }
      resolved.push(result.parts);
    }
    return cache(resolved.map(globKey).join('\u0000'), () => operator.family.compile(operator.base, resolved));
  };
}

/**
 * Compiles one condition, or returns null when the operator is unknown. The rules AWS documents live here,
 * once for every family: values under a key are OR-ed; a missing key makes the condition false, except for
 * negated operators, `…IfExists` and `ForAllValues:` (true); `ForAnyValue:` needs one context value to
 * satisfy the operator and `ForAllValues:` needs all of them; `Null` tests presence only.
 */
export function compileCondition(
  operatorName: string,
  key: string,
  values: string[],
  variablesEnabled: boolean,
): CompiledCondition | null {
  const operator = resolveOperator(operatorName);
  if (operator === null) return null;
  const lowerKey = key.toLowerCase();
  const testFor = createValueTest(operator, values, variablesEnabled);
  const { negated, ifExists, setOperator } = operator;
  const evaluate = (context: RequestContext, missing: string[]): ConditionOutcome => {
    const value = context.get(lowerKey);
    const present = value !== undefined && value.values.length > 0;
    if (operator.isNull) {
      return testFor(context, missing)!(present ? 'false' : 'true') ? 'match' : 'noMatch';
    }
    if (!present) {
      missing.push(key);
      const passes = setOperator === 'ForAllValues' || ifExists || (setOperator === null && negated);
      return passes ? 'match' : 'missingKey';
    }
    const test = testFor(context, missing);
    if (test === null) return 'missingKey';
    const contextValues = value.values;
    let result: boolean;
    if (setOperator === 'ForAllValues') {
      result = contextValues.every((v) => test(v) !== negated);
    } else if (setOperator === 'ForAnyValue') {
      result = contextValues.some((v) => test(v) !== negated);
    } else {
      let any = false;
      for (const v of contextValues)
        if (test(v)) {
          any = true;
          break;
        }
      result = any !== negated;
    }
    return result ? 'match' : 'noMatch';
  };
  return { operator: operatorName, key, lowerKey, isNull: operator.isNull, evaluate };
}
