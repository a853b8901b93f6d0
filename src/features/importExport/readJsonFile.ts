import { readFileSync } from 'node:fs';
import type { ImportProblem } from './ImportInvalidError.js';

/** A parsed file, or the problem that stops it being read. */
export type JsonFileResult = { ok: true; value: unknown } | { ok: false; problem: ImportProblem };

/**
 * Reads and parses one JSON file. A syntax error — most often a file cut short — is reported with its line and
 * column, so a person sees where the file stops being JSON.
 */
export function readJsonFile(path: string): JsonFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problem: {
        file: path,
        path: '$',
        expected: `a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: {
        file: path,
        path: '$',
        expected: `complete, well-formed JSON (${describeSyntaxError(text, (error as Error).message)})`,
      },
    };
  }
}

function describeSyntaxError(text: string, message: string): string {
  if (text.trim() === '') return 'the file is empty';
  const position = /position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? text.length : Number(position);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const truncated = offset >= text.trimEnd().length ? '; the file ends early, it may be truncated' : '';
  return `${message
    .split('\n')[0]!
    .replace(/^JSON\.parse: /, '')
    .toLowerCase()} at line ${line}, column ${column}${truncated}`;
}
