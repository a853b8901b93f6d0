import { toText, type OperatorFamily } from './OperatorFamily.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `BinaryEquals`: compares base64-encoded values byte for byte (as their canonical base64 text). */
export const BinaryOperator: OperatorFamily = {
  operators: { BinaryEquals: { negated: false } },
  supportsVariables: false,
  validateValue: (value) => (BASE64.test(value) && value.length % 4 === 0 ? null : `\`${value}\` is not base64`),
  compile(_operator, values) {
    const set = new Set(values.map(toText));
    return (value) => set.has(value);
  },
};
