import { styleText } from 'node:util';

/** Where a command writes, and how: colours only on a terminal (and never with NO_COLOR), progress only on one. */
export interface CliOutput {
  /** Normal output (stdout): results, tables, JSON. */
  out(text: string): void;
  /** Problems and progress (stderr). */
  err(text: string): void;
  /** Colours `text` when stdout is a terminal that wants colour. */
  style(format: 'red' | 'green' | 'yellow' | 'cyan' | 'bold' | 'dim', text: string): string;
  /** Whether stderr is a terminal, where a progress bar may redraw itself. */
  interactiveErr: boolean;
}

/**
 * The process's output: NO_COLOR (any value) turns colours off and FORCE_COLOR (not `0`) on, as most command-line
 * tools agree; otherwise colours follow whether stdout is a terminal.
 */
export function createProcessOutput(env: NodeJS.ProcessEnv = process.env): CliOutput {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const colour = env.NO_COLOR === undefined && (forced || process.stdout.isTTY === true);
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    style: (format, text) => (colour ? styleText(format, text) : text),
    interactiveErr: process.stderr.isTTY === true,
  };
}
