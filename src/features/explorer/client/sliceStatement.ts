/** A position in a policy text as the engine reports it: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Splits a policy text around a statement, from its opening brace at `start` to its closing brace at `end`
 * (inclusive), so a view can mark the statement in place. Positions past the text clamp to its ends.
 */
export function sliceStatement(
  text: string,
  start: TextPosition,
  end: TextPosition,
): { before: string; statement: string; after: string } {
  const from = offsetOf(text, start);
  const to = Math.min(text.length, offsetOf(text, end) + 1);
  return {
    before: text.slice(0, from),
    statement: text.slice(from, Math.max(from, to)),
    after: text.slice(Math.max(from, to)),
  };
}

function offsetOf(text: string, position: TextPosition): number {
  let offset = 0;
  for (let line = 1; line < position.line; line += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, position.column - 1));
}
