import { toText, type OperatorFamily } from './OperatorFamily.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a numeric condition or context value, or returns NaN when it is not a number. */
export function parseNumeric(text: string): number {
  return NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
}

/** Builds the comparison `context OP policy` for a numeric or date operator suffix (`Equals`, `LessThan`, ...). */
export function compareBy(suffix: string): (context: number, policy: number) => boolean {
  switch (suffix) {
    case 'LessThan':
      return (c, p) => c < p;
    case 'LessThanEquals':
      return (c, p) => c <= p;
    case 'GreaterThan':
      return (c, p) => c > p;
    case 'GreaterThanEquals':
      return (c, p) => c >= p;
    default:
      return (c, p) => c === p;
  }
}

/** `NumericEquals`, `NumericNotEquals`, `NumericLessThan[Equals]`, `NumericGreaterThan[Equals]`. */
export const NumericOperators: OperatorFamily = {
  operators: {
    NumericEquals: { negated: false },
    NumericNotEquals: { negated: true },
    NumericLessThan: { negated: false },
    NumericLessThanEquals: { negated: false },
    NumericGreaterThan: { negated: false },
    NumericGreaterThanEquals: { negated: false },
  },
  supportsVariables: false,
  validateValue: (value) => (Number.isNaN(parseNumeric(value)) ? `\`${value}\` is not a number` : null),
  compile(operator, values) {
    const compare = compareBy(operator.replace(/^Numeric(Not)?/, ''));
    const numbers = values.map((parts) => parseNumeric(toText(parts)));
    return (value) => {
      const number = parseNumeric(value);
      if (Number.isNaN(number)) return false;
      for (const policy of numbers) if (compare(number, policy)) return true;
      return false;
    };
  },
};
