/**
 * The exit codes of `iam-playground`, which scripts may rely on:
 * 0 done (and, for questions, the answer is yes); 1 the work failed (bad input file, database, unknown entity);
 * 2 the command line was wrong; 3 the question was answered and the answer is no (simulate denied at least one
 * request, who-can found nobody, paths found no path).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, answeredNo: 3 } as const;
