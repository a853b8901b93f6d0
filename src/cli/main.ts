/**
 * The `iam-playground` command (bin/iam-playground.mjs runs this file through tsx): the process wiring around
 * `runCli`, which holds the logic.
 */
import { runCli } from './createProgram.js';
import { openConfiguredDatabase } from './openConfiguredDatabase.js';
import { createProcessOutput } from './output/CliOutput.js';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2), {
  output: createProcessOutput(),
  openDatabase: () => openConfiguredDatabase(),
});
