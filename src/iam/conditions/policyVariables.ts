import type { GlobPart } from '../match/compileGlob.js';

/** A part of a policy value: literal text, a wildcard, or a `${key}` variable with an optional default. */
export type TemplatePart = GlobPart | { variable: string; fallback: string | null };

/** A policy value split into parts once, at compile time. */
export interface Template {
  parts: TemplatePart[];
  /** The lower-cased keys of the variables it uses; empty when it is plain text. */
  variables: string[];
}

/** Looks up a single-valued request context value by lower-cased key. */
export type VariableLookup = (lowerKey: string) => string | undefined;

/** The result of filling in a template: glob parts, or the first variable whose key was missing. */
export type ResolvedTemplate = { parts: GlobPart[] } | { missingKey: string };

const VARIABLE = /^\s*([A-Za-z0-9_.:/-]+)\s*(?:,\s*'([^']*)'\s*)?$/;
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

/**
 * Splits a Resource or condition value into parts. `${*}`, `${?}` and `${$}` stand for the literal
 * characters, so they become text and never wildcards. Variables are only honoured when `enabled` (the
 * policy's Version is `2012-10-17`); otherwise `${…}` is plain text, as in AWS.
 */
export function parseTemplate(text: string, enabled: boolean): Template {
  const parts: TemplatePart[] = [];
  const variables: string[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push(literal);
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (enabled && char === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      const inner = close < 0 ? null : text.slice(i + 2, close);
      const escaped = inner === null ? undefined : ESCAPES[inner];
      const variable = inner === null || escaped !== undefined ? null : VARIABLE.exec(inner);
      if (escaped !== undefined) {
        literal += escaped;
        i = close + 1;
        continue;
      }
      if (variable !== null) {
        flush();
        const key = variable[1]!.toLowerCase();
        parts.push({ variable: key, fallback: variable[2] ?? null });
        variables.push(key);
        i = close + 1;
        continue;
      }
    }
    if (char === '*' || char === '?') {
      flush();
      parts.push({ wildcard: char });
    } else {
      literal += char;
    }
    i++;
  }
  flush();
  return { parts, variables };
}

/**
 * Fills a template's variables from the request context. A variable whose key is missing and has no
 * default makes the whole value unresolvable; the caller then treats the statement as not matching.
 */
export function resolveTemplate(template: Template, lookup: VariableLookup): ResolvedTemplate {
  const parts: GlobPart[] = [];
  for (const part of template.parts) {
    if (typeof part === 'string' || 'wildcard' in part) {
      parts.push(part);
      continue;
    }
    const value = lookup(part.variable) ?? part.fallback;
    if (value === null) return { missingKey: part.variable };
    parts.push(value);
  }
  return { parts };
}

/** Renders glob parts back to text, wildcards as their characters; what equality operators compare. */
export function renderGlobParts(parts: GlobPart[]): string {
  let text = '';
  for (const part of parts) text += typeof part === 'string' ? part : part.wildcard;
  return text;
}
