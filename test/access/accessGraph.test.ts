import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import type { LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { listScenarioNames } from '../../src/features/scenarios/readScenario.js';
import { postSigned } from '../scenarios/runExpectation.js';
import { postGraphql } from '../support/postGraphql.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

// accessGraph through the real server (real authentication) on three scenarios loaded side by side.
const cipher = createSecretCipher(randomBytes(32));
let server: TestServer;
const loaded = new Map<string, LoadedScenario>();

const GRAPH = `query Graph($scope: AccessGraphScopeInput!) {
  accessGraph(scope: $scope) {
    nodes { id type label accountId parentId highlighted }
    edges { id type source target label conditions highlighted matchedStatements { sourcePolicyId statementId startPosition { line column } endPosition { line column } } }
    policies { id name document }
  }
}`;

interface Graph {
  nodes: {
    id: string;
    type: string;
    label: string;
    accountId: string | null;
    parentId: string | null;
    highlighted: boolean;
  }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    label: string;
    conditions: string[];
    highlighted: boolean;
    matchedStatements: {
      sourcePolicyId: string;
      statementId: string | null;
      startPosition: { line: number; column: number };
      endPosition: { line: number; column: number };
    }[];
  }[];
  policies: { id: string; name: string; document: string }[];
}

function key(scenario: string, user: string) {
  const found = loaded.get(scenario)?.accessKeys.find((k) => k.principalArn.endsWith(`:user/${user}`));
  if (!found) throw new Error(`${scenario} has no key for ${user}`);
  return found;
}

/** The graph of a scope, asked by a scenario's user (or, for drawings that are not about who may ask, the operator). */
async function graphOf(scenario: string, user: string | 'operator', scope: Record<string, unknown>): Promise<Graph> {
  const response = await postSigned(server.url, user === 'operator' ? server.operator! : key(scenario, user), GRAPH, {
    scope,
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data?.accessGraph as Graph;
}

/** The text of a policy between a matched statement's start and end positions (1-based lines and columns). */
function statementText(graph: Graph, statement: Graph['edges'][number]['matchedStatements'][number]): string {
  const document = graph.policies.find((policy) => policy.id === statement.sourcePolicyId)?.document ?? '';
  const lines = document.split('\n');
  const offset = (position: { line: number; column: number }) =>
    lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column - 1;
  return document.slice(offset(statement.startPosition), offset(statement.endPosition) + 1);
}

const alice = 'arn:aws:iam::100000000001:user/alice';
const prodRole = 'arn:aws:iam::100000000002:role/SecurityAudit';

beforeAll(async () => {
  server = await startTestServer({ cipher });
  for (const name of listScenarioNames()) {
    loaded.set(name, await loadScenarioByName(server.database.prisma, name, { cipher }));
  }
});

afterAll(async () => {
  await server?.close();
});

describe('accessGraph', () => {
  it('draws an account: its principals in its box inside the OU tree, who can assume its role and on what terms', async () => {
    const graph = await graphOf('cross-account-auditor', 'alice', { accountId: '100000000002' });
    const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
    expect(nodes.get(prodRole)).toMatchObject({
      type: 'ROLE',
      parentId: 'account:100000000002',
      accountId: '100000000002',
    });
    // The account sits in its OU (Workloads/Prod), inside the root and the organization
    const account = nodes.get('account:100000000002')!;
    expect(nodes.get(account.parentId!)).toMatchObject({ type: 'ORGANIZATIONAL_UNIT', label: 'Prod' });
    expect(graph.nodes.filter((node) => node.type === 'ORGANIZATION')).toHaveLength(1);
    // alice, in the security account, can assume the prod role with MFA; mallory cannot
    const assume = graph.edges.find(
      (edge) => edge.type === 'CAN_ASSUME' && edge.source === alice && edge.target === prodRole,
    );
    expect(assume).toMatchObject({ conditions: ['MFA'], label: 'can assume (MFA)' });
    expect(nodes.get(alice)).toMatchObject({ type: 'USER', parentId: 'account:100000000001' });
    expect(graph.nodes.some((node) => node.id.endsWith(':user/mallory'))).toBe(false);
    // The edge names the trust statement, and the policy text at its position is that statement
    const trust = assume!.matchedStatements.find((statement) => statement.sourcePolicyId === `${prodRole}#trust`)!;
    expect(statementText(graph, trust)).toMatch(/^\{[\s\S]*"Sid":\s*"TrustSecurityAccountWithMfa"[\s\S]*\}$/);
    // The role's managed policy is attached, and the ledger is in the account's box
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        type: 'ATTACHED_POLICY',
        source: prodRole,
        target: 'arn:aws:iam::100000000002:policy/ReadOnlyAudit',
      }),
    );
    expect(nodes.get('arn:aws:s3:::auditor-prod-ledger')).toMatchObject({
      type: 'RESOURCE',
      parentId: 'account:100000000002',
    });
  });

  it('draws groups with their members and policies, not repeated on the members', async () => {
    const graph = await graphOf('cross-account-auditor', 'alice', { accountId: '100000000001' });
    const group = 'arn:aws:iam::100000000001:group/Auditors';
    const inline = `${group}:inline/AssumeAuditRoles`;
    expect(graph.edges).toContainEqual(expect.objectContaining({ type: 'MEMBER_OF', source: alice, target: group }));
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'ATTACHED_POLICY', source: group, target: inline }),
    );
    expect(graph.edges.filter((edge) => edge.source === alice && edge.type === 'ATTACHED_POLICY')).toEqual([]);
    expect(graph.policies.find((policy) => policy.id === inline)?.document).toContain('AssumeAuditRoleEverywhere');
  });

  it('highlights a whoCanAccess answer: the principals, the hops and the access that ends them', async () => {
    const ledger = 'arn:aws:s3:::auditor-prod-ledger/2026/q1.csv';
    const graph = await graphOf('cross-account-auditor', 'alice', {
      whoCanAccess: { resourceArn: ledger, action: 's3:GetObject' },
    });
    const highlighted = graph.nodes.filter((node) => node.highlighted).map((node) => node.id);
    expect(highlighted).toEqual(expect.arrayContaining([ledger, prodRole, alice]));
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'CAN_ASSUME', source: alice, target: prodRole, highlighted: true }),
    );
    const access = graph.edges.find((edge) => edge.type === 'CAN_ACCESS');
    expect(access).toMatchObject({ source: prodRole, target: ledger, label: 's3:GetObject', highlighted: true });
    expect(access!.matchedStatements.map((statement) => statement.statementId)).toContain('ReadEverything');
  });

  it('highlights the hops of assumeRolePaths', async () => {
    const graph = await graphOf('cross-account-auditor', 'alice', {
      assumeRolePaths: { fromArn: alice, toRoleArn: prodRole },
    });
    expect(graph.edges.map((edge) => [edge.type, edge.source, edge.target, edge.highlighted])).toEqual([
      ['CAN_ASSUME', alice, prodRole, true],
    ]);
  });

  it('shows the ExternalId a vendor must pass, and the services a role trusts', async () => {
    const vendor = await graphOf('vendor-external-id', 'operator', { accountId: '110000000001' });
    const gated = vendor.edges.find(
      (edge) => edge.type === 'CAN_ASSUME' && edge.target === 'arn:aws:iam::110000000001:role/VendorIntegration',
    );
    expect(gated?.conditions).toEqual(['sts:ExternalId = cust-7f3a9c']);
    const services = await graphOf('service-roles', 'operator', { accountId: '140000000001' });
    expect(services.nodes).toContainEqual(
      expect.objectContaining({ id: 'service:ec2.amazonaws.com', type: 'SERVICE' }),
    );
    expect(services.edges).toContainEqual(
      expect.objectContaining({
        type: 'CAN_ASSUME',
        source: 'service:ec2.amazonaws.com',
        target: 'arn:aws:iam::140000000001:role/WebServerRole',
      }),
    );
  });

  it('needs a signed-in caller, like the other analysis queries, and takes exactly one scope', async () => {
    const anonymous = await postGraphql(server.url, GRAPH, { scope: { accountId: '100000000002' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('MissingAuthenticationToken');
    const both = await postSigned(server.url, key('cross-account-auditor', 'alice'), GRAPH, {
      scope: { accountId: '100000000002', organizationId: 'o-x' },
    });
    expect(both.errors?.[0]?.extensions?.code).toBe('ValidationError');
    // An account outside alice's organization is another account's analyzer: refused before it is looked up,
    // so a refusal does not tell whether it exists; the operator, who may read everything, learns it does not.
    const outside = await postSigned(server.url, key('cross-account-auditor', 'alice'), GRAPH, {
      scope: { accountId: '999999999999' },
    });
    expect(outside.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const missing = await postSigned(server.url, server.operator!, GRAPH, { scope: { accountId: '999999999999' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NoSuchEntity');
  });

  it('draws every account and organization of every scenario', async () => {
    // The drawing, not who may ask for it, is under test: the operator asks.
    const signer = server.operator!;
    let drawn = 0;
    for (const [name, scenario] of loaded) {
      const organizations = new Set<string>();
      for (const account of scenario.accounts) {
        const response = await postSigned(server.url, signer, GRAPH, { scope: { accountId: account.id } });
        expect(response.errors, `${name} ${account.id}: ${JSON.stringify(response.errors)}`).toBeUndefined();
        const graph = response.data?.accessGraph as Graph;
        expect(graph.nodes.map((node) => node.id)).toContain(`account:${account.id}`);
        // Every edge joins drawn nodes, and every statement it names comes with its policy's text
        const ids = new Set(graph.nodes.map((node) => node.id));
        expect(graph.edges.filter((edge) => !ids.has(edge.source) || !ids.has(edge.target))).toEqual([]);
        const texts = new Set(graph.policies.map((policy) => policy.id));
        expect(
          graph.edges
            .flatMap((edge) => edge.matchedStatements)
            .filter((statement) => !texts.has(statement.sourcePolicyId)),
        ).toEqual([]);
        for (const node of graph.nodes) if (node.type === 'ORGANIZATION') organizations.add(node.id);
        drawn += 1;
      }
      for (const organizationId of organizations) {
        const response = await postSigned(server.url, signer, GRAPH, { scope: { organizationId } });
        expect(response.errors, `${name} ${organizationId}`).toBeUndefined();
      }
    }
    expect(drawn).toBeGreaterThan(15);
  });
});
