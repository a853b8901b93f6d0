import { findConditionKeyType } from '../catalogue/awsServiceCatalogue.js';
import { parseDate } from '../conditions/DateOperators.js';
import { parseIpNetwork } from '../conditions/IpAddressOperators.js';
import { parseNumeric } from '../conditions/NumericOperators.js';
import type { ContextValue } from '../conditions/RequestContext.js';
import type { ContextEntry, ContextKeyType, EngineError } from '../simulationTypes.js';

/** Types of the global and service keys whose type is known, so callers may omit `type`. */
const KNOWN_KEY_TYPES: Readonly<Record<string, ContextKeyType>> = {
  'aws:currenttime': 'date',
  'aws:epochtime': 'numeric',
  'aws:tokenissuetime': 'date',
  'aws:multifactorauthpresent': 'boolean',
  'aws:multifactorauthage': 'numeric',
  'aws:securetransport': 'boolean',
  'aws:viaawsservice': 'boolean',
  'aws:principalisawsservice': 'boolean',
  'aws:sourceip': 'ip',
  'aws:tagkeys': 'stringList',
  'aws:principalorgpaths': 'stringList',
  'aws:resourceorgpaths': 'stringList',
  'aws:calledvia': 'stringList',
  'aws:principalservicenamelist': 'stringList',
  'sts:transitivetagkeys': 'stringList',
  's3:max-keys': 'numeric',
  'ec2:sourceinstancearn': 'string',
};

const ELEMENT_CHECKS: Partial<Record<string, (value: string) => boolean>> = {
  numeric: (value) => !Number.isNaN(parseNumeric(value)),
  date: (value) => !Number.isNaN(parseDate(value)),
  boolean: (value) => /^(true|false)$/i.test(value),
  ip: (value) => parseIpNetwork(value) !== null,
  binary: (value) => /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0,
};

/** A typed request context keyed by lower-cased name, or the faults in the entries. */
export type ContextFromEntries =
  { ok: true; context: Map<string, ContextValue> } | { ok: false; errors: EngineError[] };

/**
 * Turns simulator context entries into the engine's request context: infers missing types from known global
 * keys and AWS's catalogue of service keys (else `string`, or `stringList` for several values), and refuses values that do not fit their type, such
 * as a non-numeric value for `numeric`, as AWS's simulator does.
 */
export function createContextFromEntries(entries: readonly ContextEntry[]): ContextFromEntries {
  const context = new Map<string, ContextValue>();
  const errors: EngineError[] = [];
  entries.forEach((entry, index) => {
    const source = `contextEntries.${index}`;
    const fault = (message: string) => errors.push({ code: 'ValidationError', message, source, position: null });
    const lowerKey = entry.key.toLowerCase();
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*:.+/.test(entry.key)) {
      fault(`context key \`${entry.key}\` must be prefaced by a vendor, e.g. \`aws\``);
      return;
    }
    const type =
      entry.type ??
      KNOWN_KEY_TYPES[lowerKey] ??
      (findConditionKeyType(lowerKey) as ContextKeyType | null) ??
      (entry.values.length > 1 ? 'stringList' : 'string');
    const isList = type.endsWith('List');
    if (!isList && entry.values.length !== 1) {
      fault(`context key \`${entry.key}\` of type \`${type}\` takes exactly one value`);
      return;
    }
    const check = ELEMENT_CHECKS[isList ? type.slice(0, -4) : type];
    const bad = check === undefined ? undefined : entry.values.find((value) => !check(value));
    if (bad !== undefined) {
      fault(`context value \`${bad}\` for \`${entry.key}\` is not a valid \`${type}\``);
      return;
    }
    context.set(lowerKey, { type, values: [...entry.values] });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, context };
}
