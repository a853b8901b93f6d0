import type { CliDatabase } from './openConfiguredDatabase.js';
import type { CliOutput } from './output/CliOutput.js';

/** What the commands need from the outside world, so the program can be built around any output and database. */
export interface CliDependencies {
  output: CliOutput;
  /** Opens the configured, migrated database; a command closes it when done. */
  openDatabase(): Promise<CliDatabase>;
}
