import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from '../../bench/access/generateOrganization.js';
import { writeOrganization } from '../../bench/access/writeOrganization.js';
import { getAuthorizationIndex } from '../../src/features/access/getAuthorizationIndex.js';
import { toGlobalId } from '../../src/graphql/globalId.js';
import { describeSubject, describeTarget, evaluateAccess } from '../../src/iam/analysis/index.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

// The analysis index (bulk-loaded, for whole-model questions) and the runtime door (assembleRequest through
// per-request loaders, behind canPerform) must decide alike: for every sampled principal × resource × action
// of a generated organization — with SCPs, an RCP, bucket and key policies, trust policies — the same decision.
const org = generateOrganization({
  accounts: 4,
  usersPerAccount: 3,
  rolesPerAccount: 10,
  managedPoliciesPerAccount: 4,
  resourcesPerAccount: 6,
  seed: 11,
});
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteBucket',
  'sts:AssumeRole',
  'kms:Decrypt',
  'sqs:SendMessage',
  'ec2:DescribeInstances',
  'iam:CreateUser',
  'logs:PutLogEvents',
];
const DECISIONS = { ALLOWED: 'allowed', EXPLICIT_DENY: 'explicitDeny', IMPLICIT_DENY: 'implicitDeny' } as const;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await writeOrganization(server.database.pool, org);
  // An RCP on the root: it governs S3 in the member accounts, but not in the management account.
  const prisma = server.database.prisma;
  await prisma.organizationPolicy.create({
    data: {
      id: 'p-rcpnoput',
      organizationId: org.organization.id,
      type: 'RESOURCE_CONTROL_POLICY',
      name: 'NoPut',
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' }],
      }),
    },
  });
  await prisma.organizationPolicyAttachment.create({ data: { policyId: 'p-rcpnoput', targetId: org.units[0]!.id } });
});
afterAll(() => server?.close());

/** mulberry32, so the sample is the same on every run. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('the analysis index agrees with the runtime door', () => {
  it('decides every sampled principal × resource × action alike', async () => {
    const { model } = await getAuthorizationIndex(server.database.pool).current();
    const random = createRandom(5);
    const resources = [
      ...org.resources.map((resource) => resource.arn),
      ...org.resources.filter((resource) => resource.service === 's3').map((resource) => `${resource.arn}/data.csv`),
      ...org.roles.map((role) => role.arn),
      ...org.accounts.map((account) => `arn:aws:sqs:us-east-1:${account.id}:jobs`),
    ];
    const principals = [
      ...org.users.map((user) => ({ type: 'User' as const, ...user })),
      ...org.roles.map((role) => ({ type: 'Role' as const, ...role })),
    ];
    const tally = { compared: 0, allowed: 0 };
    const disagreements: string[] = [];
    for (const principal of principals) {
      // Half the questions about the principal's own account, where most grants are.
      const own = resources.filter(
        (arn) => arn.includes(principal.accountId) || arn.includes(`b-${principal.accountId}`),
      );
      const questions = Array.from({ length: 12 }, (_, i) => {
        const pool = i % 2 === 0 && own.length > 0 ? own : resources;
        return { action: ACTIONS[random(ACTIONS.length)]!, resource: pool[random(pool.length)]! };
      });
      const fields = questions
        .map((q, i) => `q${i}: canPerform(action: "${q.action}", resource: "${q.resource}") { decision }`)
        .join(' ');
      const response = await server.query<{ node: Record<string, { decision: keyof typeof DECISIONS }> }>(
        `query($id: ID!) { node(id: $id) { ... on ${principal.type} { ${fields} } } }`,
        { id: toGlobalId(principal.type, principal.id) },
      );
      expect(response.errors).toBeUndefined();
      const analysed = model.principals.get(principal.arn)!;
      questions.forEach((q, i) => {
        const index = evaluateAccess(
          model,
          describeSubject(model, analysed),
          q.action,
          describeTarget(model, q.resource, q.action),
        ).evalDecision;
        const door = DECISIONS[response.data!.node[`q${i}`]!.decision];
        tally.compared += 1;
        if (door === 'allowed') tally.allowed += 1;
        if (index !== door)
          disagreements.push(`${principal.arn} ${q.action} ${q.resource}: index ${index}, door ${door}`);
      });
    }
    expect(disagreements).toEqual([]);
    // Not vacuous: hundreds of questions, with both answers well represented.
    expect(tally.compared).toBeGreaterThan(400);
    expect(tally.allowed).toBeGreaterThan(20);
    expect(tally.compared - tally.allowed).toBeGreaterThan(20);
  });
});
