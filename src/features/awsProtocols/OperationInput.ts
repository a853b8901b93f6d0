import { awsError } from '../../graphql/errors.js';

/**
 * An operation's parameters as AWS's names spell them (`RoleName`, `Tags`), read with the model's types. Query
 * and JSON requests both arrive as nested values; a missing required member fails with AWS's ValidationError
 * wording, the same one the SDKs' own validation uses.
 */
export interface OperationInput {
  /** The raw nested value of a member. */
  raw(name: string): unknown;
  string(name: string): string;
  optionalString(name: string): string | undefined;
  optionalInteger(name: string): number | undefined;
  optionalBoolean(name: string): boolean | undefined;
  /** A list of strings (empty when absent). */
  stringList(name: string): string[];
  /** A list of structures, each as its own input (empty when absent). */
  structureList(name: string): OperationInput[];
  /** A nested structure, or undefined when absent. */
  structure(name: string): OperationInput | undefined;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** ValidationError for a member that is absent or has the wrong type, in AWS's words. */
export function memberError(name: string, value: unknown, constraint: string): Error {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return awsError(
    'ValidationError',
    `1 validation error detected: Value ${shown} at '${lowerFirst(name)}' failed to satisfy constraint: ${constraint}`,
  );
}

function asList(name: string, value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.filter((item) => item !== undefined);
  if (typeof value === 'object') return Object.values(value);
  throw memberError(name, value, 'Member must be a list');
}

/** Wraps nested parameter values (from the query protocol's form or a JSON body). */
export function createOperationInput(values: Record<string, unknown>): OperationInput {
  const raw = (name: string) => values[name];
  const optionalString = (name: string) => {
    const value = raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw memberError(name, JSON.stringify(value), 'Member must be a string');
    return value;
  };
  return {
    raw,
    optionalString,
    string(name) {
      const value = optionalString(name);
      if (value === undefined) throw memberError(name, undefined, 'Member must not be null');
      return value;
    },
    optionalInteger(name) {
      const value = raw(name);
      if (value === undefined || value === null || value === '') return undefined;
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isInteger(number)) throw memberError(name, value, 'Member must be an integer');
      return number;
    },
    optionalBoolean(name) {
      const value = raw(name);
      if (value === undefined || value === null || value === '') return undefined;
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw memberError(name, value, 'Member must be a boolean');
    },
    stringList(name) {
      return asList(name, raw(name)).map((item) => {
        if (typeof item !== 'string') throw memberError(name, JSON.stringify(item), 'Member must be a list of strings');
        return item;
      });
    },
    structureList(name) {
      return asList(name, raw(name)).map((item) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item))
          throw memberError(name, JSON.stringify(item), 'Member must be a list of structures');
        return createOperationInput(item as Record<string, unknown>);
      });
    },
    structure(name) {
      const value = raw(name);
      if (value === undefined || value === null || value === '') return undefined;
      if (typeof value !== 'object' || Array.isArray(value))
        throw memberError(name, JSON.stringify(value), 'Member must be a structure');
      return createOperationInput(value as Record<string, unknown>);
    },
  };
}
