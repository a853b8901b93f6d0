import { toText, type OperatorFamily } from './OperatorFamily.js';
import { compareBy } from './NumericOperators.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a date condition or context value to epoch milliseconds: ISO 8601 (`2020-01-01T00:00:00Z`,
 * `2020-01-01`) or epoch seconds, the two forms AWS accepts. Returns NaN otherwise.
 */
export function parseDate(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!ISO_DATE.test(trimmed)) return Number.NaN;
  return Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed);
}

/** `DateEquals`, `DateNotEquals`, `DateLessThan[Equals]`, `DateGreaterThan[Equals]`. */
export const DateOperators: OperatorFamily = {
  operators: {
    DateEquals: { negated: false },
    DateNotEquals: { negated: true },
    DateLessThan: { negated: false },
    DateLessThanEquals: { negated: false },
    DateGreaterThan: { negated: false },
    DateGreaterThanEquals: { negated: false },
  },
  supportsVariables: false,
  validateValue: (value) => (Number.isNaN(parseDate(value)) ? `\`${value}\` is not a date` : null),
  compile(operator, values) {
    const compare = compareBy(operator.replace(/^Date(Not)?/, ''));
    const dates = values.map((parts) => parseDate(toText(parts)));
    return (value) => {
      const date = parseDate(value);
      if (Number.isNaN(date)) return false;
      for (const policy of dates) if (compare(date, policy)) return true;
      return false;
    };
  },
};
