/** One piece of a wildcard pattern: literal text, or a `*` (any run) or `?` (one character) wildcard. */
export type GlobPart = string | { wildcard: '*' | '?' };

/** How a glob compares text. */
export interface GlobOptions {
  /** Compare case-insensitively (actions, `StringLike` never; `StringEqualsIgnoreCase` style operators). */
  ignoreCase?: boolean;
  /**
   * ARN semantics: wildcards in the first five `:`-separated segments (`arn`, partition, service, region,
   * account) stay inside their segment; in the resource part they may cross `:` and `/`.
   */
  arn?: boolean;
}

/** A compiled test of one text against one pattern. */
export type TextMatcher = (text: string) => boolean;

/** Splits pattern text into literal runs and `*`/`?` wildcards. */
export function parseGlob(pattern: string): GlobPart[] {
  const parts: GlobPart[] = [];
  let literal = '';
  for (const char of pattern) {
    if (char === '*' || char === '?') {
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push({ wildcard: char });
    } else {
      literal += char;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}

const STAR = -1;
const ONE = -2;
const COLON = 58;

/** Pattern characters as char codes, with wildcards as negative codes so literal `*` and `?` stay literal. */
function toTokens(parts: readonly GlobPart[], lower: boolean): number[] {
  const tokens: number[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      if (part.wildcard === '?') tokens.push(ONE);
      else if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
      continue;
    }
    const text = lower ? part.toLowerCase() : part;
    for (let i = 0; i < text.length; i++) tokens.push(text.charCodeAt(i));
  }
  return tokens;
}

/**
 * Matches `text[from, to)` against tokens with the classic greedy algorithm that remembers only the last
 * `*`: O(pattern × text) in the worst case, never exponential, so no policy can make evaluation hang.
 */
function matchTokens(tokens: readonly number[], text: string, from: number, to: number): boolean {
  let p = 0;
  let t = from;
  let star = -1;
  let mark = from;
  while (t < to) {
    const token = p < tokens.length ? tokens[p]! : 0;
    if (p < tokens.length && (token === ONE || token === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (p < tokens.length && token === STAR) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < tokens.length && tokens[p] === STAR) p++;
  return p === tokens.length;
}

/** ARN semantics: split the tokens at the first five literal colons and match segment by segment. */
function createArnMatcher(tokens: readonly number[], ignoreCase: boolean): TextMatcher {
  const segments: number[][] = [[]];
  for (const token of tokens) {
    if (token === COLON && segments.length < 6) segments.push([]);
    else segments[segments.length - 1]!.push(token);
  }
  const match: TextMatcher = (text) => {
    let start = 0;
    for (let s = 0; s < segments.length; s++) {
      let end = text.length;
      if (s < segments.length - 1) {
        end = text.indexOf(':', start);
        if (end < 0) return false;
      } else if (s < 5 && text.indexOf(':', start) >= 0) {
        return false;
      }
      if (!matchTokens(segments[s]!, text, start, end)) return false;
      start = end + 1;
    }
    return true;
  };
  return ignoreCase ? (text) => match(text.toLowerCase()) : match;
}

/** Character codes back to text, in chunks: spreading a million-element array into one call overflows the stack. */
function tokensToText(tokens: readonly number[]): string {
  const chunkSize = 8192;
  let text = '';
  for (let start = 0; start < tokens.length; start += chunkSize) {
    text += String.fromCharCode(...tokens.slice(start, start + chunkSize));
  }
  return text;
}

/**
 * Compiles a pattern once into a fast test: equality without wildcards, a prefix test for one trailing `*`,
 * otherwise a linear-time wildcard matcher (never a backtracking regular expression, which a hostile
 * pattern could make exponential). Compiling once per policy, not per request, keeps evaluation cheap.
 */
export function compileGlob(parts: GlobPart[], options: GlobOptions = {}): TextMatcher {
  const ignoreCase = options.ignoreCase === true;
  if (parts.every((part) => typeof part === 'string')) {
    // A literal: compare whole strings, without turning the pattern into character codes and back.
    return literalMatcher(ignoreCase ? parts.join('').toLowerCase() : parts.join(''), ignoreCase);
  }
  const tokens = toTokens(parts, ignoreCase);
  const wildcards = tokens.filter((token) => token < 0).length;
  if (wildcards === 0) return literalMatcher(tokensToText(tokens), ignoreCase);
  if (tokens.length === 1 && tokens[0] === STAR) return () => true;
  if (wildcards === 1 && tokens[tokens.length - 1] === STAR && !ignoreCase) {
    const prefix = tokensToText(tokens.slice(0, -1));
    if (!options.arn || prefix.split(':').length > 5) return prefixMatcher(prefix);
  }
  return options.arn ? createArnMatcher(tokens, ignoreCase) : tokenMatcher(tokens, ignoreCase);
}

// Each matcher is made by its own small function, so its closure holds only what it tests with (an index holds
// hundreds of thousands of them: a closure made inside compileGlob would keep the pattern's tokens alive too).
function literalMatcher(literal: string, ignoreCase: boolean): TextMatcher {
  if (!ignoreCase) return (text) => text === literal;
  return (text) => text.length === literal.length && text.toLowerCase() === literal;
}

function prefixMatcher(prefix: string): TextMatcher {
  return (text) => text.startsWith(prefix);
}

function tokenMatcher(tokens: readonly number[], ignoreCase: boolean): TextMatcher {
  if (!ignoreCase) return (text) => matchTokens(tokens, text, 0, text.length);
  return (text) => {
    const lower = text.toLowerCase();
    return matchTokens(tokens, lower, 0, lower.length);
  };
}

/** Compiles pattern text (with `*` and `?`) directly; a shorthand for `compileGlob(parseGlob(p), o)`. */
export function compilePattern(pattern: string, options: GlobOptions = {}): TextMatcher {
  return compileGlob(parseGlob(pattern), options);
}

/** A stable text key for resolved parts, so compiled matchers can be memoised per distinct value. */
export function globKey(parts: readonly GlobPart[]): string {
  let key = '';
  for (const part of parts) key += typeof part === 'string' ? `${part.length}:${part}` : part.wildcard;
  return key;
}

/** A small cache of compiled matchers, keyed by text; see {@link createCompileCache}. */
export type CompileCache<T> = (key: string, build: () => T) => T;

/**
 * Creates a small cache of compiled matchers that is emptied when full. Values that contain policy
 * variables are compiled per request; most requests repeat a handful of values (one user, one tag), so this
 * keeps them off the regular-expression compiler without unbounded growth.
 */
export function createCompileCache<T>(capacity = 256): CompileCache<T> {
  const cache = new Map<string, T>();
  return (key, build) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= capacity) cache.clear();
      value = build();
      cache.set(key, value);
    }
    return value;
  };
}
