import { describe, expect, it } from 'vitest';
import { parseJson } from './parseJson.js';

describe('parseJson', () => {
  it('parses values and keeps start/end positions', () => {
    const text = '{\n  "a": [1, "x", true, null],\n  "b": {"c": -2.5e3}\n}';
    const result = parseJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.kind !== 'object') throw new Error('expected object');
    expect(result.value.start).toEqual({ line: 1, column: 1 });
    expect(result.value.end).toEqual({ line: 4, column: 1 });
    const [a, b] = result.value.members;
    expect(a?.keyPosition).toEqual({ line: 2, column: 3 });
    expect(a?.value).toMatchObject({ kind: 'array', start: { line: 2, column: 8 }, end: { line: 2, column: 27 } });
    expect(b?.value).toMatchObject({
      kind: 'object',
      members: [{ key: 'c', value: { kind: 'number', value: -2500 } }],
    });
  });

  it('decodes escapes', () => {
    const result = parseJson('"a\\"b\\u0041\\n"');
    expect(result).toMatchObject({ ok: true, value: { kind: 'string', value: 'a"bA\n' } });
  });

  it('reports syntax faults with a position instead of throwing', () => {
    expect(parseJson('{"a": 1,}')).toMatchObject({
      ok: false,
      message: 'expected a string key',
      position: { line: 1, column: 9 },
    });
    expect(parseJson('{"a" 1}')).toMatchObject({ ok: false, position: { line: 1, column: 6 } });
    expect(parseJson('"abc')).toMatchObject({ ok: false, message: 'unterminated string' });
    expect(parseJson('')).toMatchObject({ ok: false, message: 'unexpected end of input' });
    expect(parseJson('{} x')).toMatchObject({ ok: false, message: 'unexpected content after the document' });
    expect(parseJson('[01]')).toMatchObject({ ok: false });
    expect(parseJson('"\\x"')).toMatchObject({ ok: false, message: 'invalid escape in string' });
  });

  it('refuses deep nesting and never hangs on hostile input', () => {
    expect(parseJson('['.repeat(10_000))).toMatchObject({ ok: false, message: 'nesting too deep' });
    for (const text of ['{', '[', '{"a":', '{"a":[', 'tru', '-', '{"a":1 "b":2}', '\u0000', '[1 2]']) {
      expect(parseJson(text).ok).toBe(false);
    }
  });
});
