/** How many characters of a bad value an error message quotes. */
export const maxEchoedCharacters = 64;

/**
 * A bad value as an error message quotes it: at most {@link maxEchoedCharacters} characters, then `...`,
 * with control characters written as `\uXXXX`, so a 1 MB argument or a NUL byte never travels back whole.
 */
export function echoValue(value: unknown, max: number = maxEchoedCharacters): string {
  const text = String(value);
  const head = text.length > max ? `${text.slice(0, max)}...` : text;
  return head.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
