import type { CliOutput } from './CliOutput.js';

/** A progress display: `update` as work advances, `done` at the end. */
export interface Progress {
  update(label: string, done: number, total: number): void;
  done(): void;
}

const BAR = 30;

/**
 * A progress bar on stderr (`Writing [#########-----]  61% 30,512/50,000`), redrawn in place at most ten times a
 * second. Off a terminal it writes one line per phase and per tenth of the work, so logs stay short and readable.
 */
export function createProgress(output: CliOutput, now: () => number = Date.now): Progress {
  let lastDraw = 0;
  let lastLabel = '';
  let lastTenth = -1;
  let drawn = false;
  return {
    update(label, done, total) {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      const text = `${label.padEnd(8)} [${'#'.repeat(Math.round(fraction * BAR)).padEnd(BAR, '-')}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      if (output.interactiveErr) {
        if (label === lastLabel && done < total && now() - lastDraw < 100) return;
        lastDraw = now();
        if (label !== lastLabel && drawn) process.stderr.write('\n');
        process.stderr.write(`\r${text}`);
        drawn = true;
      } else {
        const tenth = Math.floor(fraction * 10);
        if (label === lastLabel && tenth === lastTenth) return;
        lastTenth = tenth;
        output.err(text);
      }
      lastLabel = label;
    },
    done() {
      if (output.interactiveErr && drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
