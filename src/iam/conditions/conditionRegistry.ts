import { ArnOperators } from './ArnOperators.js';
import { BinaryOperator } from './BinaryOperator.js';
import { BoolOperator } from './BoolOperator.js';
import { DateOperators } from './DateOperators.js';
import { IpAddressOperators } from './IpAddressOperators.js';
import { NullOperator } from './NullOperator.js';
import { NumericOperators } from './NumericOperators.js';
import type { OperatorFamily } from './OperatorFamily.js';
import { StringOperators } from './StringOperators.js';

/** A condition operator name understood: its family, base operator and qualifiers. */
export interface ResolvedOperator {
  family: OperatorFamily;
  /** The canonical base name, e.g. `StringLike` for `ForAnyValue:StringLikeIfExists`. */
  base: string;
  negated: boolean;
  ifExists: boolean;
  setOperator: 'ForAllValues' | 'ForAnyValue' | null;
  isNull: boolean;
}

const FAMILIES: OperatorFamily[] = [
  StringOperators,
  NumericOperators,
  DateOperators,
  BoolOperator,
  BinaryOperator,
  IpAddressOperators,
  ArnOperators,
  NullOperator,
];

const BY_NAME = new Map<string, { family: OperatorFamily; base: string; negated: boolean }>();
for (const family of FAMILIES) {
  for (const [base, { negated }] of Object.entries(family.operators))
    BY_NAME.set(base.toLowerCase(), { family, base, negated });
}

/**
 * Understands a condition operator such as `ForAllValues:StringNotEqualsIfExists`, or returns null when it
 * is unknown (the policy is then malformed). `Null` takes neither `IfExists` nor a set qualifier.
 */
export function resolveOperator(name: string): ResolvedOperator | null {
  let rest = name;
  let setOperator: ResolvedOperator['setOperator'] = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'forallvalues') setOperator = 'ForAllValues';
    else if (qualifier === 'foranyvalue') setOperator = 'ForAnyValue';
    else return null;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (/ifexists$/i.test(rest)) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const found = BY_NAME.get(rest.toLowerCase());
  if (found === undefined) return null;
  const isNull = found.family === NullOperator;
  if (isNull && (ifExists || setOperator !== null)) return null;
  return { ...found, ifExists, setOperator, isNull };
}
