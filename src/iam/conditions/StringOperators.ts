import { compileGlob } from '../match/compileGlob.js';
import { toText, type OperatorFamily } from './OperatorFamily.js';

/**
 * `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`, `StringLike` and
 * `StringNotLike`. Only the Like operators treat `*` and `?` as wildcards; all support policy variables.
 */
export const StringOperators: OperatorFamily = {
  operators: {
    StringEquals: { negated: false },
    StringNotEquals: { negated: true },
    StringEqualsIgnoreCase: { negated: false },
    StringNotEqualsIgnoreCase: { negated: true },
    StringLike: { negated: false },
    StringNotLike: { negated: true },
  },
  supportsVariables: true,
  validateValue: () => null,
  compile(operator, values) {
    if (operator === 'StringLike' || operator === 'StringNotLike') {
      const tests = values.map((parts) => compileGlob(parts));
      if (tests.length === 1) return tests[0]!;
      return (value) => tests.some((test) => test(value));
    }
    if (operator.endsWith('IgnoreCase')) {
      const set = new Set(values.map((parts) => toText(parts).toLowerCase()));
      return (value) => set.has(value.toLowerCase());
    }
    if (values.length === 1) {
      const only = toText(values[0]!);
      return (value) => value === only;
    }
    const set = new Set(values.map(toText));
    return (value) => set.has(value);
  },
};
