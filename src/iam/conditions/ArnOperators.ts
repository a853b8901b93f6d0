import { compileGlob } from '../match/compileGlob.js';
import type { OperatorFamily } from './OperatorFamily.js';

/**
 * `ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`. AWS compares each of the six ARN segments
 * separately with `*`/`?` wildcards, so Equals and Like behave alike; wildcards never cross the first five
 * `:` separators.
 */
export const ArnOperators: OperatorFamily = {
  operators: {
    ArnEquals: { negated: false },
    ArnLike: { negated: false },
    ArnNotEquals: { negated: true },
    ArnNotLike: { negated: true },
  },
  supportsVariables: true,
  validateValue: () => null,
  compile(_operator, values) {
    const tests = values.map((parts) => compileGlob(parts, { arn: true }));
    return (value) => tests.some((test) => test(value));
  },
};
