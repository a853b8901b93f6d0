import type { GlobPart } from '../match/compileGlob.js';

/** A test of one request context value against the OR of a condition's policy values (positive sense). */
export type ValueTest = (contextValue: string) => boolean;

/**
 * One family of condition operators (String*, Numeric*, ...). The shared machinery in `compileCondition`
 * handles negation, `…IfExists`, `ForAllValues:`/`ForAnyValue:` and missing keys, so a family only says how
 * a single context value compares with the policy values.
 */
export interface OperatorFamily {
  /** Canonical operator names this family provides, and whether each is a negated operator. */
  operators: Readonly<Record<string, { negated: boolean }>>;
  /** Whether policy variables (`${aws:username}`) are substituted in its values, as for String* and Arn*. */
  supportsVariables: boolean;
  /** Why a policy value is invalid for this family (lowercase, user input in backticks), or null. */
  validateValue(value: string): string | null;
  /** Compiles the positive-sense test of `operator` against the already-resolved policy values. */
  compile(operator: string, values: GlobPart[][]): ValueTest;
}

/** Renders resolved parts back into plain text for families that do not use wildcards. */
export function toText(parts: GlobPart[]): string {
  let text = '';
  for (const part of parts) text += typeof part === 'string' ? part : part.wildcard;
  return text;
}
