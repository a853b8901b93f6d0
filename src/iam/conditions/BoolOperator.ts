import { toText, type OperatorFamily } from './OperatorFamily.js';

/** `Bool`: compares `true`/`false` case-insensitively, as AWS does for aws:SecureTransport and friends. */
export const BoolOperator: OperatorFamily = {
  operators: { Bool: { negated: false } },
  supportsVariables: false,
  validateValue: (value) => (/^(true|false)$/i.test(value) ? null : `\`${value}\` is not a boolean`),
  compile(_operator, values) {
    const set = new Set(values.map((parts) => toText(parts).toLowerCase()));
    return (value) => set.has(value.toLowerCase());
  },
};
