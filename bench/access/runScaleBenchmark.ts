import { buildAnalysisAccounts, compileAccountSlice, assembleAuthorizationModel, createAssumeRoleGraph, findWhoCanAccess } from '../../src/iam/analysis/index.js';
import { generateOrganization, LARGE_ORGANIZATION } from './generateOrganization.js';
import { toAuthorizationRows } from './toAuthorizationRows.js';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export async function runScale(principals: number, budgetMs = 10_000) {
  const accounts = principals / 100;
  const org = generateOrganization({ ...LARGE_ORGANIZATION, accounts });
  const rows = toAuthorizationRows(org);
  const base = heap();
  let t = performance.now();
  const invalid: string[] = [];
  const slices = new Map(rows.slices.map((raw) => [raw.accountId, compileAccountSlice(raw)]));
  let model = assembleAuthorizationModel(buildAnalysisAccounts(rows.organizations, invalid), slices.values(), invalid);
  let graph = createAssumeRoleGraph(model);
  const buildMs = performance.now() - t;
  const buckets = org.resources.filter((r) => r.service === 's3');
  const who: number[] = [];
  const stop = performance.now() + budgetMs;
  for (let i = 0; i < 200 && performance.now() < stop; i++) {
    const bucket = buckets[(i * 7919) % buckets.length]!;
    t = performance.now();
    findWhoCanAccess(model, graph, `${bucket.arn}/data.csv`, 's3:GetObject');
    who.push(performance.now() - t);
  }
  const heapMb = (heap() - base) / 1e6;
  t = performance.now();
  const raw = rows.slices[3]!;
  slices.set(raw.accountId, compileAccountSlice(raw));
  const next = assembleAuthorizationModel(buildAnalysisAccounts(rows.organizations, []), slices.values(), []);
  graph = createAssumeRoleGraph(next, { previous: graph, changedAccounts: new Set([raw.accountId]) });
  model = next;
  const patchMs = performance.now() - t;
  return { principals, buildMs, heapMb, whoP50: percentile(who, 50), whoP99: percentile(who, 99), samples: who.length, patchMs };
}

for (const n of (process.argv[2] ?? '10000').split(',').map(Number)) console.log(JSON.stringify(await runScale(n)));
