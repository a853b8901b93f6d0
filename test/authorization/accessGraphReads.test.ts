import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, type Key } from '../management/managementTestServer.js';
import { arrangeCrossAccount, type CrossAccount } from './crossAccountFixture.js';

// accessGraph answers like whoCanAccess: a caller allowed to draw account A (its analyzer's findings) sees only
// the users, roles and groups it could read itself, and nothing of the others — not their edges, not their policies.
let x: CrossAccount;
let roleReader: Key;
let roleReaderArn: string;
const statements: string[] = [];
let counting = false;

const GRAPH = `query($scope: AccessGraphScopeInput!) {
  accessGraph(scope: $scope) {
    nodes { id type highlighted }
    edges { id type source target matchedStatements { sourcePolicyId } }
    policies { id }
  }
}`;

interface Graph {
  nodes: { id: string; type: string; highlighted: boolean }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    matchedStatements: { sourcePolicyId: string }[];
  }[];
  policies: { id: string }[];
}

async function draw(key: Key, scope: Record<string, unknown>): Promise<Graph> {
  return dataOf(await x.env.call<{ accessGraph: Graph }>(key, GRAPH, { scope })).accessGraph;
}

beforeAll(async () => {
  x = await arrangeCrossAccount({ onQuery: (sql) => void (counting && statements.push(sql)) });
  // A user of A allowed the analyzer's findings and iam:GetRole, but not iam:GetUser nor iam:GetGroup
  roleReaderArn = `arn:aws:iam::${x.a.accountId}:user/role-reader`;
  dataOf(
    await x.env.call(
      x.a.root,
      'mutation($d: String!) { createUser(userName: "role-reader") { arn } putUserPolicy(userName: "role-reader", policyName: "p", policyDocument: $d) { arn } }',
      { d: allow(['access-analyzer:ListFindings', 'iam:GetRole']) },
    ),
  );
  roleReader = dataOf(
    await x.env.call<{ createAccessKey: Key }>(
      x.a.root,
      'mutation { createAccessKey(userName: "role-reader") { accessKeyId secretAccessKey } }',
    ),
  ).createAccessKey;
});
afterAll(() => x?.env.server.close());

describe('accessGraph to a caller who may not read every principal', () => {
  it("draws account A's roles but none of its users and groups, nor their edges and policies", async () => {
    // Given the account's root draws everything: alice, who can assume the app role, her inline policy, the group
    const full = await draw(x.a.root, { accountId: x.a.accountId });
    const fullIds = full.nodes.map((node) => node.id);
    expect(fullIds).toEqual(expect.arrayContaining([x.a.userArn, x.a.roleArn, x.a.groupArn, roleReaderArn]));
    expect(full.edges.map((edge) => edge.id)).toContain(`canAssume:${x.a.userArn}->${x.a.roleArn}`);
    expect(full.policies.map((policy) => policy.id)).toContain(`${x.a.userArn}:inline/p`);

    // When the role reader draws the same account
    const graph = await draw(roleReader, { accountId: x.a.accountId });
    const ids = new Set(graph.nodes.map((node) => node.id));
    // Then the role and the account are there; alice, the group and the reader itself (no iam:GetUser) are not
    expect(ids).toContain(x.a.roleArn);
    expect(ids).toContain(`account:${x.a.accountId}`);
    for (const hidden of [x.a.userArn, x.a.groupArn, roleReaderArn]) expect(ids.has(hidden), hidden).toBe(false);
    // And no edge touches a node left out, and no policy text of alice's comes along
    expect(graph.edges.filter((edge) => !ids.has(edge.source) || !ids.has(edge.target))).toEqual([]);
    expect(graph.edges.some((edge) => edge.source === x.a.userArn)).toBe(false);
    const texts = graph.policies.map((policy) => policy.id);
    expect(texts.filter((id) => id.startsWith(`${x.a.userArn}:`) || id.startsWith(`${roleReaderArn}:`))).toEqual([]);
    // (the role's own inline policy, which iam:GetRole's reader may see, stays)
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'ATTACHED_POLICY', source: x.a.roleArn, target: `${x.a.roleArn}:inline/chain` }),
    );
  });

  it('draws a who-can answer without the grants whose principal it may not read', async () => {
    const scope = { whoCanAccess: { resourceArn: `${x.a.bucket}/file`, action: 's3:GetObject' } };
    const full = await draw(x.a.root, scope);
    expect(full.nodes.filter((node) => node.highlighted).map((node) => node.id)).toContain(x.a.userArn);
    const graph = await draw(roleReader, scope);
    expect(graph.nodes.map((node) => node.id)).not.toContain(x.a.userArn);
    expect(graph.edges.filter((edge) => edge.type === 'CAN_ACCESS' && edge.source === x.a.userArn)).toEqual([]);
  });

  it('decides every principal of the drawing in batches: more users and roles, no more SQL statements', async () => {
    const scope = { accountId: x.a.accountId };
    const count = async () => {
      await draw(roleReader, scope); // (the first read after writes refreshes the index)
      statements.length = 0;
      counting = true;
      await draw(roleReader, scope);
      counting = false;
      return statements.length;
    };
    const before = await count();
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < 12; i += 1)
      dataOf(
        await x.env.call(
          x.a.root,
          `mutation($t: String!) { createUser(userName: "extra-${i}") { arn } createRole(roleName: "extra-${i}", assumeRolePolicyDocument: $t) { arn } }`,
          {
            t: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: x.a.accountId }, Action: 'sts:AssumeRole' }],
            }),
          },
        ),
      );
    const graph = await draw(roleReader, scope);
    expect(graph.nodes.filter((node) => node.id.includes(':role/extra-'))).toHaveLength(12);
    expect(graph.nodes.filter((node) => node.id.includes(':user/extra-'))).toEqual([]);
    expect(await count()).toBeLessThanOrEqual(before);
  });
});
