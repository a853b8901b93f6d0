import {
  createAssumeRoleGraph,
  createModelState,
  findWhoCanAccess,
  type AssumeRoleGraph,
  type AuthorizationModel,
} from '../../src/iam/analysis/index.js';
import { generateOrganization, LARGE_ORGANIZATION } from './generateOrganization.js';
import { toAuthorizationRows } from './toAuthorizationRows.js';
import type { AccessFigure } from './runAccessBenchmark.js';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

/** The heap in use after a collection (under `node --expose-gc`; otherwise as it stands). */
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

const time = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
};

/** whoCanAccess on sampled buckets' objects until `samples` are taken or `budgetMs` is spent. */
function sampleWhoCanAccess(
  model: AuthorizationModel,
  graph: AssumeRoleGraph,
  buckets: readonly string[],
  samples: number,
  budgetMs: number,
  stride: number,
): number[] {
  const times: number[] = [];
  const stop = performance.now() + budgetMs;
  for (let i = 0; i < samples && performance.now() < stop; i++) {
    const [, ms] = time(() =>
      findWhoCanAccess(model, graph, `${buckets[(i * stride) % buckets.length]!}/data.csv`, 's3:GetObject'),
    );
    times.push(ms);
  }
  return times;
}

/**
 * Generates the organization and builds its model in a frame of its own, so nothing but what it returns keeps the
 * generated rows alive once it returns (a variable set to null can still hold them from the caller's stack).
 */
function buildGenerated(principals: number) {
  const { organizations, slices, buckets } = generateRows(principals);
  const state = createModelState();
  const [{ model }, buildMs] = time(() => state.rebuild(organizations, slices));
  // The account the write below changes.
  return { state, model, buildMs, organizations, buckets, raw: slices[3]! };
}

/** The generated organization as rows (the generator's own objects are dropped with this frame, before the build). */
function generateRows(principals: number) {
  const org = generateOrganization({ ...LARGE_ORGANIZATION, accounts: principals / 100 });
  const buckets = org.resources.filter((resource) => resource.service === 's3').map((resource) => resource.arn);
  return { ...toAuthorizationRows(org), buckets };
}

/**
 * The access index at scale, in memory (the code the index runs, without the database round trips): generates an
 * organization of `principals` users and roles (100 per account, 3 policies each, 50 resources per account),
 * builds the model, decides the whole assume-role graph, samples whoCanAccess, then applies a write to one account
 * and samples again. Each phase is bounded by `budgetMs` (the graph by 8×: past about 100k principals it decides
 * the roles it reaches in that time, and says how many). Heap figures are measured from before the organization
 * is generated, after dropping the generated rows: they count the policy texts, names and tags the model keeps,
 * as a server that read the rows from its database would hold them.
 */
export function runScaleBenchmark(principals: number, budgetMs = 15_000): AccessFigure[] {
  const figures: AccessFigure[] = [];
  const add = (name: string, value: number, unit: AccessFigure['unit'], target?: number) =>
    figures.push({
      name: `${principals / 1000}k: ${name}`,
      value: Math.round(value * 10) / 10,
      unit,
      ...(target === undefined ? {} : { target }),
    });
  const heapTarget = principals >= 1_000_000 ? 8192 : principals <= 100_000 ? 1000 : undefined;
  const base = heap();
  const { state, model, buildMs, organizations, buckets, raw } = buildGenerated(principals);
  let graph = createAssumeRoleGraph(model);
  add('full build', buildMs, 'ms');
  add('heap, model', (heap() - base) / 1e6, 'MB');
  const roles = [...model.roles.values()];
  const stop = performance.now() + budgetMs * 8;
  const [, warmMs] = time(() => {
    for (const role of roles) if (performance.now() < stop) graph.inbound(role);
  });
  const decided = graph.decidedInbound().size;
  add(
    `assume-role graph decided (${decided === roles.length ? 'all' : `${decided} of ${roles.length}`} roles)`,
    warmMs,
    'ms',
  );
  add('heap, model + graph', (heap() - base) / 1e6, 'MB', heapTarget);

  const who = sampleWhoCanAccess(model, graph, buckets, 100, budgetMs, 7919);
  add(`whoCanAccess p50 (${who.length} samples)`, percentile(who, 50), 'ms', 50);
  add('whoCanAccess p99', percentile(who, 99), 'ms');

  // A write to one account: one more inline policy on one of its roles.
  const changed = {
    ...raw,
    roles: raw.roles.map((role, i) =>
      i === 0
        ? {
            ...role,
            policies: [
              ...role.policies,
              {
                id: `${role.arn}:inline/Extra`,
                document:
                  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
              },
            ],
          }
        : role,
    ),
  };
  const [next, patchMs] = time(() => {
    const change = state.apply(organizations, [changed]);
    return {
      model: change.model,
      graph: createAssumeRoleGraph(change.model, { previous: graph, changedAccounts: new Set([raw.accountId]) }),
    };
  });
  graph = next.graph;
  add('one-account write reflected (patch + graph carried)', patchMs, 'ms', 100);
  const after = sampleWhoCanAccess(next.model, graph, buckets, 100, budgetMs, 104729);
  add(`whoCanAccess p50 right after the write (${after.length} samples)`, percentile(after, 50), 'ms', 50);
  add('heap after the write (both models live)', (heap() - base) / 1e6, 'MB');
  return figures;
}
