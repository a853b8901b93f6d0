// Matches the escape sequences styleText adds, so column widths count only visible characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const width = (text: string) => text.replace(ANSI, '').length;

/**
 * A plain-text table for people: a header, a rule, and left-aligned columns padded to their widest cell (colour
 * codes not counted). Cells may hold several lines; a row then takes as many lines as its tallest cell.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const split = rows.map((row) => row.map((cell) => cell.split('\n')));
  const widths = headers.map((h, i) =>
    Math.max(width(h), ...split.map((row) => Math.max(0, ...(row[i] ?? ['']).map(width)))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of split) {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let i = 0; i < height; i += 1) out.push(line(headers.map((_, c) => row[c]?.[i] ?? '')));
  }
  return out.join('\n');
}
