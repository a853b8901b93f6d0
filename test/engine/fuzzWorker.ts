import { parentPort } from 'node:worker_threads';
import { parsePolicy, simulate, validatePolicy, type PolicyKind } from '../../src/iam/index.js';

/** A text to run through every engine door, in a worker so the parent can stop a call that never returns. */
export interface FuzzJob {
  text: string;
  kind: PolicyKind;
}

parentPort?.on('message', (job: FuzzJob) => {
  try {
    validatePolicy(job.text, job.kind);
    parsePolicy(job.text, job.kind);
    simulate({
      policyInputList: [job.text],
      resourcePolicy: job.text,
      actionNames: ['s3:GetObject'],
      resourceArns: ['arn:aws:s3:::b/x'],
    });
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: String(error) });
  }
});
