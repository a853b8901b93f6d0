/**
 * Unwraps a row that a foreign key guarantees (a role's account, a session's role ...). Its absence means
 * the row was deleted while the request ran; that is an internal error, masked by formatError.
 */
export function required<T>(row: T | null, what: string): T {
  if (row === null) throw new Error(`${what} vanished while the request was being answered`);
  return row;
}
