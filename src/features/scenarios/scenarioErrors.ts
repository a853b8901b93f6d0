/** One mistake in a scenario file: where it is (`accounts[1].roles[0].trustPolicy`) and what is wrong. */
export interface ScenarioError {
  /** The path of the mistake in the file, `(root)` for the top level. */
  path: string;
  /** Lowercase, no final period, user input in backticks. */
  message: string;
}

/** Thrown by the loader and the seed command when a scenario cannot be used; carries every mistake found. */
export class ScenarioInvalidError extends Error {
  /** Every mistake, so a person can fix a file in one pass. */
  readonly errors: readonly ScenarioError[];

  constructor(source: string, errors: readonly ScenarioError[]) {
    super(`scenario \`${source}\` is invalid:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    this.name = 'ScenarioInvalidError';
    this.errors = errors;
  }
}

/** Turns a JSON pointer (`/accounts/0/roles/1`) into the path people read (`accounts[0].roles[1]`). */
export function formatScenarioPath(pointer: string): string {
  if (pointer === '') return '(root)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^[0-9]+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
