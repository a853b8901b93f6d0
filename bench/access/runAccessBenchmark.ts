import { randomBytes } from 'node:crypto';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { createServer } from '../../src/server.js';
import { createLogger } from '../../src/logger.js';
import { getAuthorizationIndex } from '../../src/features/access/getAuthorizationIndex.js';
import { findAssumeRolePaths, findWhoCanAccess } from '../../src/iam/analysis/index.js';
import { createTestDatabase } from '../../test/support/createTestDatabase.js';
import { generateOrganization, LARGE_ORGANIZATION, type OrganizationSize } from './generateOrganization.js';
import { writeOrganization } from './writeOrganization.js';

/** One measured figure of the access benchmark. */
export interface AccessFigure {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'statements' | 'count';
  /** The target the issue sets, when it sets one (the figure must stay below it). */
  target?: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

/**
 * The access benchmark (issue 5): writes a synthetic organization (100 accounts, 10,000 users and roles,
 * 30,000 policies, 5,000 resources by default) into a fresh database (Postgres when DATABASE_URL is set, else
 * embedded PGlite), then measures the index's full and incremental rebuild and its memory, whoCanAccess and
 * assumeRolePaths (depth 3) p50/p99, and canPerform over every role of one account in one GraphQL request
 * with the SQL statements it issued.
 */
export async function runAccessBenchmark(
  size: OrganizationSize = LARGE_ORGANIZATION,
  samples = 50,
): Promise<AccessFigure[]> {
  let statements = 0;
  const database = await createTestDatabase({ onQuery: () => void statements++ });
  const figures: AccessFigure[] = [];
  const add = (name: string, value: number, unit: AccessFigure['unit'], target?: number) =>
    figures.push({ name, value: Math.round(value * 10) / 10, unit, ...(target === undefined ? {} : { target }) });
  try {
    const org = generateOrganization(size);
    const [, writeMs] = await time(() => writeOrganization(database.pool, org));
    add('organization write (multi-row INSERT)', writeMs, 'ms');
    add('principals (users + roles)', org.users.length + org.roles.length, 'count');
    add('policies (managed + inline)', org.managedPolicies.length + org.inlinePolicies.length, 'count');

    const index = getAuthorizationIndex(database.pool);
    // Under `node --expose-gc` the heap figures are measured after a collection, without garbage in them.
    const heap = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    const heapBefore = heap();
    const [snapshot, buildMs] = await time(() => index.current());
    add('index full rebuild', buildMs, 'ms');
    add('index heap (model, before graph warm-up)', (heap() - heapBefore) / 1e6, 'MB');

    const buckets = org.resources.filter((resource) => resource.service === 's3');
    const [, firstMs] = await time(() =>
      findWhoCanAccess(snapshot.model, snapshot.graph, `${buckets[1]!.arn}/data.csv`, 's3:GetObject'),
    );
    add('whoCanAccess first (while the graph warms)', firstMs, 'ms');
    const [, warmMs] = await time(() => index.graphWarmed());
    add('assume-role graph warm-up (background, after rebuild)', warmMs + firstMs, 'ms');
    const who: number[] = [];
    for (let i = 0; i < samples; i++) {
      const bucket = buckets[(i * 7919) % buckets.length]!;
      const [, ms] = await time(() =>
        findWhoCanAccess(snapshot.model, snapshot.graph, `${bucket.arn}/data.csv`, 's3:GetObject'),
      );
      who.push(ms);
    }
    add('whoCanAccess p50', percentile(who, 50), 'ms', 200);
    add('whoCanAccess p99', percentile(who, 99), 'ms');
    add('index heap (with the assume-role graph decided so far)', (heap() - heapBefore) / 1e6, 'MB');

    // Users allowed to assume cross-account roles: half in the hub account every xacct role trusts, half elsewhere.
    const hubUsers = org.users.filter((user, i) => i % 5 === 0 && user.accountId === org.accounts[1]!.id);
    const users = [
      ...hubUsers,
      ...org.users.filter((user, i) => i % 5 === 0 && user.accountId !== org.accounts[1]!.id).slice(0, hubUsers.length),
    ];
    const chains = org.roles.filter((role) => role.name.startsWith('chain-'));
    const paths: number[] = [];
    let found = 0;
    for (let i = 0; i < samples * 2; i++) {
      const from = snapshot.model.principals.get(users[(i * 31) % users.length]!.arn)!;
      const to = snapshot.model.roles.get(chains[(i * 17) % chains.length]!.arn)!;
      const [result, ms] = await time(() => findAssumeRolePaths(snapshot.graph, snapshot.model.roles, from, to, 3));
      if (result.length > 0) found++;
      paths.push(ms);
    }
    add('assumeRolePaths depth 3 p50', percentile(paths, 50), 'ms', 50);
    add('assumeRolePaths depth 3 p99', percentile(paths, 99), 'ms');
    add('assumeRolePaths queries with a path', found, 'count');

    // The request is signed like a client's (Basic, as the operator): every read is authorized.
    const cipher = createSecretCipher(randomBytes(32));
    const operator = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
    const authenticate = createAuthenticator({
      cipher,
      operator: { ...operator, arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID },
    });
    const authorization = `Basic ${Buffer.from(`${operator.accessKeyId}:${operator.secretAccessKey}`).toString('base64')}`;
    const server = await createServer({ database, logger: createLogger('silent'), cipher, authenticate });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.httpServer.address() as { port: number };
      const account = org.accounts[3]!.id;
      const query = `query($account: String!, $resource: String!) { account(accountId: $account) {
        roles(first: 500) { edges { node { arn canPerform(action: "s3:GetObject", resource: $resource) { allowed } } } } } }`;
      const post = (body: unknown) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(body),
        });
      await post({ query: '{ __typename }' });
      const ask = async () => {
        statements = 0;
        const [response, ms] = await time(async () => {
          const reply = await post({ query, variables: { account, resource: `arn:aws:s3:::b-${account}-1/data.csv` } });
          return (await reply.json()) as { errors?: unknown[]; data?: { account: { roles: { edges: unknown[] } } } };
        });
        if (response.errors)
          throw new Error(`canPerform request failed: ${JSON.stringify(response.errors).slice(0, 300)}`);
        return { roles: response.data!.account.roles.edges.length, ms };
      };
      const first = await ask();
      add(`canPerform over all ${first.roles} roles of one account, first request`, first.ms, 'ms');
      const second = await ask();
      add(`canPerform over all ${second.roles} roles of one account, next request`, second.ms, 'ms');
      add('SQL statements of that request', statements, 'statements');
    } finally {
      await server.close();
    }

    await database.pool.query(`UPDATE inline_policy SET document = document WHERE role_id = $1`, [org.roles[0]!.id]);
    const [fresh, incrementalMs] = await time(() => index.current());
    add(
      `index incremental rebuild (${index.lastRebuild()!.kind}, ${index.lastRebuild()!.accounts} account)`,
      incrementalMs,
      'ms',
    );
    const after: number[] = [];
    for (let i = 0; i < samples; i++) {
      const bucket = buckets[(i * 104729) % buckets.length]!;
      const [, ms] = await time(() =>
        findWhoCanAccess(fresh.model, fresh.graph, `${bucket.arn}/data.csv`, 's3:GetObject'),
      );
      after.push(ms);
    }
    add('whoCanAccess p50 right after that rebuild (graph carried over)', percentile(after, 50), 'ms', 200);
  } finally {
    await database.close();
  }
  return figures;
}

/** Prints figures as an aligned table, marking targets met or missed. */
export function formatFigures(figures: readonly AccessFigure[]): string {
  return figures
    .map((f) => {
      const verdict =
        f.target === undefined
          ? ''
          : f.value < f.target
            ? `  (target < ${f.target} ${f.unit}: met)`
            : `  (target < ${f.target} ${f.unit}: MISSED)`;
      return `${f.name.padEnd(62)} ${String(f.value).padStart(10)} ${f.unit}${verdict}`;
    })
    .join('\n');
}
