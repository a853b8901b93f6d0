import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, simulate, validatePolicy, type PolicyKind } from '../../src/iam/index.js';

// The engine promises never to throw on user input and to answer quickly: these tests feed it garbage, near-valid
// policies and pathological shapes, and require a result or errors every time. "Quickly" is checked as work done,
// never as wall-clock time (a loaded machine makes any time budget flaky): the work of parsing grows linearly with
// the text (counted below at two sizes), and a worker thread catches a call that never returns. Timings live in
// `npm run bench -- parser`.

const KINDS: PolicyKind[] = ['identity', 'permissionsBoundary', 'session', 'scp', 'rcp', 'resource', 'trust'];

const VALID = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Read',
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/${aws:username}/*'],
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    },
    {
      Effect: 'Deny',
      NotAction: 'iam:*',
      NotResource: '*',
      Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['x*'] }, Null: { 'aws:TokenIssueTime': 'true' } },
    },
  ],
});
const VALID_RESOURCE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    },
  ],
});

/**
 * The text as a String object behind a proxy that counts every read of it (characters, length, methods): the
 * work the engine does on the text, independent of how fast the machine is.
 */
function countingText(text: string): { text: string; reads: () => number } {
  let reads = 0;
  const target = new String(text);
  const proxy = new Proxy(target, {
    get(object, property) {
      reads += 1;
      const value: unknown = Reflect.get(object, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
  return { text: proxy as unknown as string, reads: () => reads };
}

/** Every engine door on one text: validation, parsing, and a simulation using it in every policy slot. */
function exercise(text: string, kind: PolicyKind): void {
  const validation = validatePolicy(text, kind);
  expect(Array.isArray(validation.errors) && Array.isArray(validation.warnings)).toBe(true);
  const parsed = parsePolicy(text, kind);
  expect(parsed.policy !== null || parsed.errors.length > 0).toBe(true);
  const outcome = simulate({
    policyInputList: [text],
    permissionsBoundaryPolicyInputList: [text],
    sessionPolicy: text,
    organizationPolicyInputList: [[text]],
    resourcePolicy: text,
    actionNames: ['s3:GetObject'],
    resourceArns: ['arn:aws:s3:::b/alice/x'],
  });
  expect(outcome.ok ? outcome.result.evaluationResults.length : outcome.errors.length).toBeGreaterThan(0);
  if (!outcome.ok) for (const error of outcome.errors) expect(typeof error.message).toBe('string');
}

/**
 * Runs texts through the engine in a worker thread and kills it after `timeoutMs`: a synchronous endless loop
 * cannot be interrupted in-process, so this is what makes "never hangs" a test that can fail.
 */
async function runInWorker(jobs: { text: string; kind: PolicyKind }[], timeoutMs: number): Promise<string[]> {
  // The worker loads the TypeScript module through tsx's loader, registered inside the worker itself.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./fuzzWorker.ts', import.meta.url).href)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  let crashed: string | null = null;
  worker.on('error', (error) => (crashed = String(error)));
  try {
    const failures: string[] = [];
    for (const job of jobs) {
      const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
        if (crashed !== null) resolve({ ok: false, error: `no answer: worker crashed: ${crashed}` });
        worker.once('message', (message: { ok: boolean; error?: string }) => {
          clearTimeout(timer);
          resolve(message);
        });
        worker.postMessage(job);
      });
      if (!reply.ok) {
        failures.push(`${job.kind} ${JSON.stringify(job.text.slice(0, 60))}…: ${reply.error}`);
        if (reply.error?.startsWith('no answer')) break;
      }
    }
    return failures;
  } finally {
    await worker.terminate();
  }
}

/** Mutations of a valid policy: the inputs most likely to reach deep parser paths. */
const mutationArb = fc.oneof(
  fc.nat().map((n) => VALID.slice(0, n % VALID.length)),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
    const chars = [...VALID];
    const [i, j] = [a % chars.length, b % chars.length];
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    return chars.join('');
  }),
  fc
    .tuple(fc.nat(), fc.string({ unit: 'grapheme', maxLength: 5 }))
    .map(([n, s]) => VALID.slice(0, n % VALID.length) + s + VALID.slice(n % VALID.length)),
  fc.nat().map((n) => VALID.slice(0, n % VALID.length) + VALID.slice((n % VALID.length) + 1)),
);

describe('parser fuzzing: never throws, never hangs', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...KINDS), exercise), {
      numRuns: 500,
      seed: 1,
    });
  });

  it('random JSON values', () => {
    fc.assert(fc.property(fc.json({ depthSize: 'medium' }), fc.constantFrom(...KINDS), exercise), {
      numRuns: 500,
      seed: 2,
    });
  });

  it('random policy-shaped JSON', () => {
    const anything = fc.anything({ maxDepth: 3 });
    const shaped = fc.record({
      Version: fc.oneof(fc.constant('2012-10-17'), anything),
      Statement: fc.oneof(
        anything,
        fc.array(
          fc.dictionary(
            fc.constantFrom(
              'Effect',
              'Action',
              'NotAction',
              'Resource',
              'NotResource',
              'Principal',
              'NotPrincipal',
              'Condition',
              'Sid',
            ),
            anything,
          ),
        ),
      ),
    });
    fc.assert(
      fc.property(
        shaped.map((p) => JSON.stringify(p) ?? 'null'),
        fc.constantFrom(...KINDS),
        exercise,
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('mutations of valid policies', () => {
    fc.assert(fc.property(mutationArb, fc.constantFrom(...KINDS), exercise), { numRuns: 1000, seed: 4 });
    fc.assert(
      fc.property(
        mutationArb.map((t) => t.replace(VALID, VALID_RESOURCE)),
        fc.constantFrom('resource', 'trust', 'rcp'),
        exercise,
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it('10,000 levels of nesting', () => {
    for (const kind of KINDS) {
      exercise('['.repeat(10_000) + ']'.repeat(10_000), kind);
      exercise('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), kind);
      exercise(`{"Version":"2012-10-17","Statement":${'['.repeat(10_000)}`, kind);
      exercise(
        `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":${'['.repeat(10_000)}"v"${']'.repeat(10_000)}}}}]}`,
        kind,
      );
    }
  });

  const huge = 'a'.repeat(1_000_000);
  it('a 1,000,000-character text', () => exercise(huge, 'identity'));
  it('parsing work grows linearly with the text (reads counted at two sizes)', () => {
    const readsFor = (n: number) => {
      const counted = countingText(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'a'.repeat(n)}` }],
        }),
      );
      const parsed = parsePolicy(counted.text, 'identity');
      expect(parsed.errors).toEqual([]);
      return counted.reads();
    };
    const [small, large] = [readsFor(100_000), readsFor(200_000)];
    // Not vacuous: every character was read at least once.
    expect(small).toBeGreaterThanOrEqual(100_000);
    // Twice the text, about twice the work (a quadratic parser would do four times as much).
    expect(large / small).toBeGreaterThan(1.5);
    expect(large / small).toBeLessThan(2.5);
  });
  it('a 1,000,000-character resource in a policy', () =>
    exercise(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${huge}` }],
      }),
      'identity',
    ));
  it('patterns of 5,000 wildcards', () =>
    exercise(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: `s3:${'*a'.repeat(5_000)}`, Resource: `${'*b'.repeat(5_000)}` }],
      }),
      'identity',
    ));
  it('a policy of 5,000 statements', () =>
    exercise(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: Array.from({ length: 5_000 }, (_, i) => ({ Effect: 'Allow', Action: `s3:A${i}`, Resource: '*' })),
      }),
      'resource',
    ));
  it('a string of 50,000 escaped NUL characters', () => exercise(`"${'\\u0000'.repeat(50_000)}"`, 'scp'));

  it('unicode, control characters and lone surrogates', () => {
    const texts = [
      VALID.replace('blue', 'bl\u00fce\u{1F600}'),
      VALID.replace('Read', '\u202eRead'),
      VALID.replace('s3:Get*', 's3:G\uD800et*'),
      VALID.replace('"Effect"', '"Eff\u0000ect"'),
      '\uFEFF' + VALID,
      VALID.replaceAll(' ', '\u00a0'),
      '\uD83D',
    ];
    for (const text of texts) for (const kind of KINDS) exercise(text, kind);
  });

  // The deadline only tells a hang (a call that never returns) from an answer; it is not a speed budget.
  it('pathological inputs answer in a worker thread (never hang)', async () => {
    const kinds: PolicyKind[] = ['identity', 'resource'];
    const texts = [
      '['.repeat(100_000),
      '{"a":'.repeat(50_000),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: `s3:${'*a'.repeat(20_000)}`, Resource: `arn:aws:s3:::${'*b'.repeat(20_000)}` },
        ],
      }),
      `"${'\\'.repeat(200_000)}"`,
      ...fc.sample(mutationArb, { numRuns: 50, seed: 9 }),
    ];
    const failures = await runInWorker(
      texts.flatMap((text) => kinds.map((kind) => ({ text, kind }))),
      60_000,
    );
    expect(failures).toEqual([]);
  }, 300_000);

  // That the matcher's work stays linear on such patterns is counted in src/iam/match/compileGlob.test.ts.
  it('wildcard patterns built to cause backtracking answer correctly', () => {
    const pattern = `arn:aws:s3:::${'*a'.repeat(40)}*b`;
    const resource = `arn:aws:s3:::${'a'.repeat(5_000)}`;
    const policy = JSON.stringify({
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
    const outcome = simulate({
      policyInputList: [policy],
      actionNames: ['s3:GetObject'],
      resourceArns: [resource],
      contextEntries: [{ key: 'aws:PrincipalTag/x', values: [resource] }],
    });
    expect(outcome.ok && outcome.result.evaluationResults[0]!.evalDecision).toBe('implicitDeny');
  });
});
