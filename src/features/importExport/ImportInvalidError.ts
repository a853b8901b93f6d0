/** One problem in an input file: which file, where in it (a JSON path such as `$.RoleDetailList[3].RoleName`), what was expected. */
export interface ImportProblem {
  file: string;
  path: string;
  /** What the importer expected there, lowercase, user input in backticks. */
  expected: string;
}

/**
 * Thrown when import input cannot be used: a malformed or truncated file, a missing required file, a value of
 * the wrong shape. It carries every problem found, so a person can fix the files in one pass, and the import
 * writes nothing.
 */
export class ImportInvalidError extends Error {
  readonly problems: readonly ImportProblem[];

  constructor(problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `  ${p.file}: ${p.path}: expected ${p.expected}`);
    if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
    super(`import rejected, nothing was written:\n${shown.join('\n')}`);
    this.name = 'ImportInvalidError';
    this.problems = problems;
  }
}
