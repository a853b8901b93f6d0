import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { defaultExampleScenario, defaultExplorerExamples } from '../../src/features/explorer/explorerExamples.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import type { LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { listScenarioNames } from '../../src/features/scenarios/readScenario.js';
import { postSigned } from '../scenarios/runExpectation.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

// A first-time user presses Run on each tab as it opens: the variables are there and valid, so the answer is
// the operation's own (data, or an IAM refusal the tab sets out to show), never a complaint about the request.
const cipher = createSecretCipher(randomBytes(32));
let server: TestServer;
const loaded = new Map<string, LoadedScenario>();

beforeAll(async () => {
  server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator: null }) });
  for (const name of listScenarioNames())
    loaded.set(name, await loadScenarioByName(server.database.prisma, name, { cipher }));
});

afterAll(async () => {
  await server?.close();
});

const requestErrorCodes = [
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'INTERNAL_SERVER_ERROR',
];

describe('example tabs run as they open', () => {
  it(`the default tabs answer without errors once ${defaultExampleScenario} is loaded, signed in as alice`, async () => {
    const alice = loaded
      .get(defaultExampleScenario)
      ?.accessKeys.find((key) => key.principalArn.endsWith(':user/alice'));
    if (!alice) throw new Error(`${defaultExampleScenario} has no access key for alice`);
    for (const example of defaultExplorerExamples) {
      const response = await postSigned(server.url, alice, example.query, example.variables ?? {});
      expect(response.errors, `${example.title}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      expect(Object.values(response.data ?? {}), example.title).not.toContain(null);
      // The prod ledger is another account of alice's organization: her organization analyzer's findings
      // answer, naming her and the prod role she reaches it through (not an empty list filtered to nothing).
      if (response.data && 'whoCanAccess' in response.data) {
        const grants = response.data.whoCanAccess as { principalArn: string; path: { roleArn: string }[] }[];
        expect(
          grants.map((grant) => grant.principalArn),
          example.title,
        ).toContain(alice.principalArn);
      }
      if (response.data && 'assumeRolePaths' in response.data)
        expect(response.data.assumeRolePaths, example.title).not.toEqual([]);
    }
  });

  it("every scenario tab, run as the scenario's first key, is a well-formed request with its variables", async () => {
    let ran = 0;
    for (const [name, scenario] of loaded) {
      const key = scenario.accessKeys[0];
      if (!key) continue;
      for (const example of scenario.examples) {
        const response = await postSigned(server.url, key, example.query, example.variables ?? {});
        const codes = (response.errors ?? []).map((error) => String(error.extensions?.code));
        expect(
          codes.filter((code) => requestErrorCodes.includes(code)),
          `${name}: ${example.title}: ${JSON.stringify(response.errors)}`,
        ).toEqual([]);
        ran += 1;
      }
    }
    expect(ran).toBeGreaterThan(20);
  });
});
