import type { Position } from '../simulationTypes.js';

/** Fields every JSON node carries: where it starts and where it ends (the position of its last character). */
interface JsonNodeBase {
  start: Position;
  end: Position;
}

/** A JSON object member, with the position of its key for error messages. */
export interface JsonMember {
  key: string;
  keyPosition: Position;
  value: JsonNode;
}

/** A parsed JSON value that remembers where it came from in the text. */
export type JsonNode =
  | (JsonNodeBase & { kind: 'object'; members: JsonMember[] })
  | (JsonNodeBase & { kind: 'array'; items: JsonNode[] })
  | (JsonNodeBase & { kind: 'string'; value: string })
  | (JsonNodeBase & { kind: 'number'; value: number; raw: string })
  | (JsonNodeBase & { kind: 'boolean'; value: boolean })
  | (JsonNodeBase & { kind: 'null' });

/** The outcome of {@link parseJson}: a tree, or the first syntax fault and where it is. */
export type JsonParseResult = { ok: true; value: JsonNode } | { ok: false; message: string; position: Position };

/** Nesting deeper than this is refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/**
 * Parses JSON text into a tree that keeps 1-based line/column positions, which policy validation and
 * matched-statement reports need and `JSON.parse` cannot give. It never throws and always terminates:
 * every step consumes input, and nesting is capped.
 */
export function parseJson(text: string): JsonParseResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const positionAt = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  let pos = 0;

  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const fail = (message: string, offset = pos): never => {
    throw new JsonSyntaxError(message, Math.min(offset, Math.max(text.length - 1, 0)));
  };

  const parseString = (): string => {
    const open = pos;
    pos++;
    let out = '';
    let chunk = pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunk, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('control character in string', pos);
      if (c === 92) {
        out += text.slice(chunk, pos);
        const escape = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (escape !== undefined && escape in simple) {
          out += simple[escape];
          pos += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('invalid escape in string', pos);
        }
        chunk = pos;
      } else {
        pos++;
      }
    }
    return fail('unterminated string', open);
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipWhitespace();
    if (pos >= text.length) fail('unexpected end of input');
    const startOffset = pos;
    const start = positionAt(pos);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const members: JsonMember[] = [];
      skipWhitespace();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'object', members, start, end: positionAt(pos - 1) };
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail('expected a string key');
        const keyPosition = positionAt(pos);
        const key = parseString();
        skipWhitespace();
        if (text[pos] !== ':') fail('expected `:` after key');
        pos++;
        members.push({ key, keyPosition, value: parseValue(depth + 1) });
        skipWhitespace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return { kind: 'object', members, start, end: positionAt(pos - 1) };
        } else fail('expected `,` or `}`');
      }
    }
    if (c === '[') {
      pos++;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[pos] === ']') {
        pos++;
        return { kind: 'array', items, start, end: positionAt(pos - 1) };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return { kind: 'array', items, start, end: positionAt(pos - 1) };
        } else fail('expected `,` or `]`');
      }
    }
    if (c === '"') {
      const value = parseString();
      return { kind: 'string', value, start, end: positionAt(pos - 1) };
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 400));
    if (literal === null) return fail('unexpected character');
    const raw = literal[0];
    pos += raw.length;
    const end = positionAt(pos - 1);
    if (raw === 'true' || raw === 'false') return { kind: 'boolean', value: raw === 'true', start, end };
    if (raw === 'null') return { kind: 'null', start, end };
    return { kind: 'number', value: Number(raw), raw: text.slice(startOffset, pos), start, end };
  };

  try {
    const value = parseValue(0);
    skipWhitespace();
    if (pos < text.length) fail('unexpected content after the document');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, message: error.message, position: positionAt(error.offset) };
    }
    throw error;
  }
}
