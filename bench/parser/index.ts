import { compilePattern } from '../../src/iam/match/compileGlob.js';
import { parsePolicy, simulate } from '../../src/iam/index.js';

/** Best of `runs` timings of `call`, in milliseconds (the least disturbed by other work on the machine). */
function bestOf(runs: number, call: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    call();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * The timings the engine's tests used to assert (now they count work instead): parsing a policy with a
 * 1,000,000-character resource, and wildcard patterns built to make a backtracking matcher exponential.
 */
export function run(): void {
  const huge = 'a'.repeat(1_000_000);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${huge}` }],
  });
  console.log(
    `parsePolicy, 1,000,000-character resource: ${bestOf(5, () => parsePolicy(policy, 'identity')).toFixed(1)} ms`,
  );
  console.log(`parsePolicy, 1,000,000-character text: ${bestOf(5, () => parsePolicy(huge, 'identity')).toFixed(1)} ms`);

  const glob = compilePattern(`${'*a'.repeat(30)}*b`);
  const arnGlob = compilePattern(`arn:aws:s3:::${'*a'.repeat(30)}*b`, { arn: true });
  for (const n of [5_000, 10_000]) {
    console.log(
      `wildcard *a×30*b on ${n.toLocaleString('en')} characters: ${bestOf(5, () => glob('a'.repeat(n))).toFixed(2)} ms plain, ${bestOf(5, () => arnGlob(`arn:aws:s3:::${'a'.repeat(n)}`)).toFixed(2)} ms ARN`,
    );
  }

  const pattern = `arn:aws:s3:::${'*a'.repeat(40)}*b`;
  const resource = `arn:aws:s3:::${'a'.repeat(5_000)}`;
  const backtracking = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: pattern,
        Condition: { StringLike: { 'aws:PrincipalTag/x': pattern } },
      },
    ],
  });
  const input = {
    policyInputList: [backtracking],
    actionNames: ['s3:GetObject'],
    resourceArns: [resource],
    contextEntries: [{ key: 'aws:PrincipalTag/x', values: [resource] }],
  };
  console.log(
    `simulate, backtracking-bait resource and StringLike (5,000 characters): ${bestOf(5, () => simulate(input)).toFixed(1)} ms`,
  );
}
