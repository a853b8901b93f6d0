import { pathToFileURL } from 'node:url';
import { evaluateRequest, simulate } from '../../src/iam/index.js';
import {
  createIdentityResourceScpRequests,
  createRealManagedPolicyRequests,
  createSimulateInputs,
  createTwentyPolicyRoleRequests,
} from './engineScenarios.js';
import { formatDecisionTable, measureDecisions, measureSideBySide } from './measureDecisions.js';

/**
 * The engine benchmark as a bench module (`npm run bench` runs every bench/<name>/index.ts). It uses the
 * compiled path — policies compiled once with `compilePolicy`, each decision one `evaluateRequest` — and, for
 * comparison, `simulate` on repeated inputs, which re-validates its input and finds policies in the compile cache.
 */
export async function run(): Promise<void> {
  const a = createIdentityResourceScpRequests();
  const b = createTwentyPolicyRoleRequests();
  const c = createRealManagedPolicyRequests();
  const simulateInputs = createSimulateInputs();
  console.log(
    'policy engine (issue 3): decisions per second and latency, one (action, resource) question per decision',
  );
  const figures = [
    measureDecisions(
      '(a) 10-statement identity + resource policy + 1 SCP level, evaluateRequest, explain off',
      a,
      (r) => evaluateRequest(r, { explain: false }).evalDecision === 'allowed',
    ),
    measureDecisions(
      '(a) same, evaluateRequest with explanation',
      a,
      (r) => evaluateRequest(r).evalDecision === 'allowed',
    ),
    measureDecisions('(a) same, through simulate (compile cache)', simulateInputs, (input) => simulate(input).ok),
    measureDecisions(
      '(b) role with 20 attached policies, evaluateRequest, explain off',
      b,
      (r) => evaluateRequest(r, { explain: false }).evalDecision === 'allowed',
    ),
    measureDecisions(
      '(b) same, evaluateRequest with explanation',
      b,
      (r) => evaluateRequest(r).evalDecision === 'allowed',
    ),
    measureDecisions(
      '(c) role with the real ReadOnlyAccess + AdministratorAccess, evaluateRequest, explain off',
      c,
      (r) => evaluateRequest(r, { explain: false }).evalDecision === 'allowed',
    ),
    measureDecisions(
      '(c) same, evaluateRequest with explanation',
      c,
      (r) => evaluateRequest(r).evalDecision === 'allowed',
    ),
  ];
  console.log(formatDecisionTable(figures));
  const target = figures[0]!.decisionsPerSecond;
  console.log(`target for (a): >= 100,000 decisions/s — ${target >= 100_000 ? 'met' : 'NOT met'}`);
  const real = figures.find((figure) => figure.scenario.startsWith('(c)'))!.decisionsPerSecond;
  console.log(
    `target for (c), real ReadOnlyAccess + AdministratorAccess: >= 100,000 decisions/s — ${real >= 100_000 ? 'met' : 'NOT met'}`,
  );

  // The door (simulate: validation, caches, explanation) against the compiled core on the same questions,
  // measured in alternating slices so both see the same load.
  const sideBySide = measureSideBySide(
    { inputs: a, decide: (r) => evaluateRequest(r, { explain: false }).evalDecision === 'allowed' },
    { inputs: simulateInputs, decide: (input) => simulate(input).ok },
  );
  const rate = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `door vs core, scenario (a): core ${rate(sideBySide.first)}/s, door (simulate) ${rate(sideBySide.second)}/s — door at ${Math.round(sideBySide.ratio * 100)}% of the core (target >= 50%: ${sideBySide.ratio >= 0.5 ? 'met' : 'NOT met'})`,
  );
}

// Also runnable alone: `npx tsx bench/engine/index.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
