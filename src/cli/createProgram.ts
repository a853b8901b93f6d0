import { Command, CommanderError } from 'commander';
import type { CliDependencies } from './CliDependencies.js';
import { registerExportCommand } from './commands/exportCommand.js';
import { registerImportCommand } from './commands/importCommand.js';
import { registerPathsCommand } from './commands/pathsCommand.js';
import { registerSeedCommand } from './commands/seedCommand.js';
import { registerSimulateCommand } from './commands/simulateCommand.js';
import { registerWhoCanCommand } from './commands/whoCanCommand.js';
import { describeCliError } from './describeCliError.js';
import { EXIT } from './exitCodes.js';

/**
 * Runs `iam-playground` with `args` (without `node` and the script) and returns its exit code (see `EXIT`).
 * Commander parses; a wrong command line is exit 2 with commander's message; a failure is one clear line on
 * stderr (describeCliError) and exit 1, never a stack trace.
 */
export async function runCli(args: readonly string[], deps: CliDependencies): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (value: number) => void (code = value);
  const program = new Command('iam-playground')
    .description(
      'IAM Playground on the command line: import and export real IAM data, seed scenarios, simulate, and ask who can do what',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => deps.output.out(s.trimEnd()), writeErr: (s) => deps.output.err(s.trimEnd()) });
  for (const register of [
    registerImportCommand,
    registerExportCommand,
    registerSeedCommand,
    registerSimulateCommand,
    registerWhoCanCommand,
    registerPathsCommand,
  ]) {
    register(program, deps, setExit);
  }
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are answers, not errors; anything else commander refuses is a usage error.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    deps.output.err(describeCliError(error));
    return EXIT.failed;
  }
}
