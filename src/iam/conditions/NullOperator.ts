import { toText, type OperatorFamily } from './OperatorFamily.js';

/**
 * `Null`: `true` means the key must be absent, `false` that it must be present. It tests presence, not
 * values, so `compileCondition` gives it the context value's presence as `"true"` (absent) or `"false"`.
 */
export const NullOperator: OperatorFamily = {
  operators: { Null: { negated: false } },
  supportsVariables: false,
  validateValue: (value) => (/^(true|false)$/i.test(value) ? null : `\`${value}\` is not a boolean`),
  compile(_operator, values) {
    const set = new Set(values.map((parts) => toText(parts).toLowerCase()));
    return (absent) => set.has(absent);
  },
};
