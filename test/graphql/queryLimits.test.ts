import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  validate,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExplorerExamples } from '../../src/features/explorer/explorerExamples.js';
import { listScenarioNames, readScenario } from '../../src/features/scenarios/readScenario.js';
import { createLimitValidationRules } from '../../src/graphql/limits/createLimitValidationRules.js';
import { measureOperationCost } from '../../src/graphql/limits/measureOperationCost.js';
import { defaultQueryLimits } from '../../src/graphql/limits/queryLimits.js';
import { schemaPath } from '../../src/server.js';
import { postGraphql } from '../support/postGraphql.js';
import { dataOf, startManagementServer, type Key } from '../management/managementTestServer.js';

const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

/** The limit problems (validation codes, or the cost) of a document, as the server would see them. */
function limitProblems(query: string, variables: Record<string, unknown> = {}): string[] {
  const document = parse(query, { maxTokens: defaultQueryLimits.maxTokens });
  const problems = validate(schema, document, createLimitValidationRules(defaultQueryLimits)).map(
    (error) => `${String(error.extensions.code)}: ${error.message}`,
  );
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  for (const operation of document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )) {
    const cost = measureOperationCost({ schema, operation, fragments, variables });
    if (cost > defaultQueryLimits.maxCost) problems.push(`cost ${cost}`);
  }
  return problems;
}

/** `user { groups { members { groups { members … } } } }`, `levels` lists deep. */
function fanOut(arn: string, levels: number): string {
  let selection = 'arn';
  for (let level = levels; level > 0; level--)
    selection = `${level % 2 === 1 ? 'groups' : 'members'} { arn ${selection} }`;
  return `query FanOut { user(arn: "${arn}") { ${selection} } }`;
}

describe('query limits leave real use alone', () => {
  const examples = [
    ...defaultExplorerExamples.map((example) => ({ name: `explorer: ${example.title}`, example })),
    ...listScenarioNames().flatMap((name) =>
      readScenario(name).examples.map((example) => ({ name: `${name}: ${example.title}`, example })),
    ),
  ];
  it.each(examples)('$name', ({ example }) => {
    expect(limitProblems(example.query, example.variables ?? {})).toEqual([]);
  });

  it("GraphiQL's introspection query", () => {
    expect(
      limitProblems(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true })),
    ).toEqual([]);
  });

  it('a page of 100 roles with canPerform, and 500 users with their groups', () => {
    expect(
      limitProblems(
        '{ account(accountId: "111111111111") { roles(first: 100) { edges { node { arn canPerform(action: "s3:GetObject", resource: "*") { allowed explanation } } } } } }',
      ),
    ).toEqual([]);
    expect(
      limitProblems(
        '{ account(accountId: "111111111111") { users(first: 500) { edges { node { arn groups { arn } } } } } }',
      ),
    ).toEqual([]);
  });
});

describe('query limits over HTTP', () => {
  let env: Awaited<ReturnType<typeof startManagementServer>>;
  let root: Key;
  let aliceArn: string;

  beforeAll(async () => {
    env = await startManagementServer();
    let accountId: string;
    ({ accountId, root } = await env.createAccount('limits'));
    // Two users in two groups each: every level of groups/members doubles the answer.
    for (const group of ['g1', 'g2'])
      dataOf(await env.call(root, `mutation { createGroup(groupName: "${group}") { arn } }`));
    for (const user of ['alice', 'bob']) {
      dataOf(await env.call(root, `mutation { createUser(userName: "${user}") { arn } }`));
      for (const group of ['g1', 'g2'])
        dataOf(await env.call(root, `mutation { addUserToGroup(groupName: "${group}", userName: "${user}") { arn } }`));
    }
    aliceArn = `arn:aws:iam::${accountId}:user/alice`;
  });
  afterAll(() => env?.server.close());

  it('answers a shallow fan-out', async () => {
    const response = await env.call(root, fanOut(aliceArn, 4));
    expect(response.errors).toBeUndefined();
  });

  it('refuses a deep groups/members fan-out before running it (QUERY_TOO_DEEP)', async () => {
    const response = await env.call(root, fanOut(aliceArn, 14));
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toContain('QUERY_TOO_DEEP');
    expect(response.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/);
  });

  it('refuses a wide fan-out within the depth limit by its cost (QUERY_TOO_COMPLEX)', async () => {
    const response = await env.call(root, fanOut(aliceArn, 8));
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/cost limit of 25000 exceeded, found \d+/),
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
      }),
    ]);
  });

  it('prices pages by `first`, also when it is a variable', async () => {
    const query =
      'query Users($n: Int) { account(accountId: "111111111111") { users(first: $n) { edges { node { groups { members { groups { arn } } } } } } } }';
    expect(limitProblems(query, { n: 5 })).toEqual([]);
    const response = await env.call(root, query, { n: 500 });
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 2,000 aliases of __schema without credentials (TOO_MANY_ALIASES), yet anonymous introspection works', async () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ');
    const refused = await postGraphql(env.server.url, `{ ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.map((error) => error.extensions?.code)).toContain('TOO_MANY_ALIASES');

    const introspection = await postGraphql<{ __schema: { types: unknown[] } }>(
      env.server.url,
      getIntrospectionQuery(),
    );
    expect(introspection.status).toBe(200);
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
  });

  it('refuses 10,000 aliases of role(arn:) with a clear error, not INTERNAL_SERVER_ERROR', async () => {
    const aliases = Array.from(
      { length: 10_000 },
      (_, i) => `r${i}: role(arn: "arn:aws:iam::111111111111:role/x") { arn }`,
    ).join(' ');
    const response = await env.call(root, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toMatch(/^(TOO_MANY_ALIASES|GRAPHQL_PARSE_FAILED)$/);
    expect(response.errors?.[0]?.message).toMatch(/aliases limit|more tha[nt] 20000 tokens/i);
  });

  // No operation is resolved (an unknown operationName, or two operations and none named): the limits run on
  // what is there and Apollo answers 400; reading the missing operation was a TypeError and a 500.
  it.each([
    ['an unknown operation name', { query: 'query Known { __typename }', operationName: 'Unknown' }],
    ['two operations, none named', { query: 'query A { __typename } query B { __typename }' }],
  ])('answers %s 400 OPERATION_RESOLUTION_FAILURE, not a 500', async (_name, body) => {
    const response = await fetch(`${env.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });
});

describe('the execution deadline', () => {
  let env: Awaited<ReturnType<typeof startManagementServer>>;
  afterAll(() => env?.server.close());

  it('fails the fields not yet started once the deadline has passed (QUERY_TIMEOUT)', async () => {
    env = await startManagementServer({ queryLimits: { ...defaultQueryLimits, executionTimeoutMs: 0 } });
    const { root, accountId } = await env.createAccount('deadline');
    // Each level waits for the database, so the (zero) deadline passes before the nested fields start.
    const response = await env.call(
      root,
      `{ account(accountId: "${accountId}") { users { edges { node { groups { members { arn } } } } } } }`,
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toContain('QUERY_TIMEOUT');
    expect(response.errors?.find((error) => error.extensions?.code === 'QUERY_TIMEOUT')?.message).toBe(
      'The operation exceeded its execution deadline of 0 ms.',
    );
  });
});
