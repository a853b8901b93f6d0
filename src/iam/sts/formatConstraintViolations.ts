/** One parameter that broke a constraint of the STS API model. */
export interface ConstraintViolation {
  /** The value as AWS echoes it (lists as `[a, b]`). */
  value: string;
  /** The member path, camelCase as AWS prints it: `roleSessionName`, `tags.1.member.key`. */
  path: string;
  constraint: string;
}

/**
 * Formats violations the way AWS's request validation reports them: "1 validation error detected: Value 'x'
 * at 'roleSessionName' failed to satisfy constraint: Member must …", several joined with "; ".
 */
export function formatConstraintViolations(violations: readonly ConstraintViolation[]): string {
  const count = violations.length;
  const head = `${count} validation error${count === 1 ? '' : 's'} detected: `;
  return (
    head +
    violations
      .map((v) => `Value '${v.value}' at '${v.path}' failed to satisfy constraint: Member must ${v.constraint}`)
      .join('; ')
  );
}
