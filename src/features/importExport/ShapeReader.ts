import type { ImportProblem } from './ImportInvalidError.js';

/** A JSON object as parsed. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads values out of one parsed file while checking their shape, and collects a problem (file, JSON path,
 * what was expected) for every mismatch instead of stopping at the first, so one run lists every mistake.
 * Accessors return a safe default after recording a problem; callers check `problems` before using results.
 */
export class ShapeReader {
  readonly problems: ImportProblem[] = [];

  constructor(readonly file: string) {}

  /** Records that `path` did not hold what was expected. */
  fail(path: string, expected: string): void {
    this.problems.push({ file: this.file, path, expected });
  }

  /** The value at `path` as an object, or null (with a problem) when it is not one. */
  object(value: unknown, path: string): JsonObject | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
    this.fail(path, `an object, found ${describe(value)}`);
    return null;
  }

  /** `obj[key]` as a string; a missing optional key gives `fallback`. */
  string(obj: JsonObject, key: string, path: string, options: { optional?: boolean; fallback?: string } = {}): string {
    const value = obj[key];
    if (value === undefined && options.optional) return options.fallback ?? '';
    if (typeof value === 'string') return value;
    this.fail(
      `${path}.${key}`,
      value === undefined ? `a string property \`${key}\`` : `a string, found ${describe(value)}`,
    );
    return '';
  }

  /** `obj[key]` as a string when present, else null. */
  optionalString(obj: JsonObject, key: string, path: string): string | null {
    return obj[key] === undefined || obj[key] === null ? null : this.string(obj, key, path);
  }

  /** `obj[key]` as a boolean; a missing optional key gives `fallback`. */
  boolean(obj: JsonObject, key: string, path: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.fail(`${path}.${key}`, `true or false, found ${describe(value)}`);
    return fallback;
  }

  /** `obj[key]` as an integer, or `fallback` when absent. */
  integer(obj: JsonObject, key: string, path: string, fallback: number): number {
    const value = obj[key];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.fail(`${path}.${key}`, `an integer, found ${describe(value)}`);
    return fallback;
  }

  /** `obj[key]` as an array, each element passed to `each` with its path; a missing optional key is empty. */
  array<T>(
    obj: JsonObject,
    key: string,
    path: string,
    each: (item: unknown, itemPath: string) => T | null,
    options: { optional?: boolean } = {},
  ): T[] {
    const value = obj[key];
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      this.fail(
        `${path}.${key}`,
        value === undefined ? `an array property \`${key}\`` : `an array, found ${describe(value)}`,
      );
      return [];
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      const result = each(item, `${path}.${key}[${i}]`);
      if (result !== null) out.push(result);
    });
    return out;
  }

  /** `obj[key]` as an array of objects. */
  objects(obj: JsonObject, key: string, path: string, options: { optional?: boolean } = {}): [JsonObject, string][] {
    return this.array(
      obj,
      key,
      path,
      (item, itemPath) => {
        const o = this.object(item, itemPath);
        return o === null ? null : [o, itemPath];
      },
      options,
    );
  }

  /** `obj[key]` as an array of strings. */
  strings(obj: JsonObject, key: string, path: string, options: { optional?: boolean } = {}): string[] {
    return this.array(
      obj,
      key,
      path,
      (item, itemPath) => {
        if (typeof item === 'string') return item;
        this.fail(itemPath, `a string, found ${describe(item)}`);
        return null;
      },
      options,
    );
  }

  /**
   * A policy document as the AWS CLI prints it (a JSON object, decoded by the CLI) or as the API returns it (a
   * JSON string, possibly URL-encoded): returned as pretty-printed JSON text, the form the model stores.
   */
  policyDocument(obj: JsonObject, key: string, path: string): string {
    const value = obj[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return JSON.stringify(value, null, 2);
    if (typeof value === 'string') {
      const parsed = parsePolicyText(value);
      if (parsed !== null) return JSON.stringify(parsed, null, 2);
      this.fail(`${path}.${key}`, 'a policy document (a JSON object, or its JSON or URL-encoded text)');
      return '';
    }
    this.fail(
      `${path}.${key}`,
      value === undefined ? `a policy document property \`${key}\`` : `a policy document, found ${describe(value)}`,
    );
    return '';
  }
}

/** Parses policy text that may be URL-encoded (as IAM's API returns it); null when it is no JSON object. */
export function parsePolicyText(text: string): JsonObject | null {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === null) continue;
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as JsonObject;
    } catch {
      // Not JSON as written: try the URL-decoded form next.
    }
  }
  return null;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `${typeof value === 'object' ? 'an object' : `the ${typeof value} \`${String(value)}\``}`;
}
