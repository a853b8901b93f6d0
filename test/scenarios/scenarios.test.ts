import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenario, type LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { listScenarioNames, readScenario } from '../../src/features/scenarios/readScenario.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { postSigned, runExpectation, type ClientCredentials, type DecideFn } from './runExpectation.js';

/**
 * Every expectation of every scenario, through the real server over HTTP: sign in with the principal's
 * access key (HTTP Basic), assume each role of the chain with the previous credentials, then ask the server
 * for the decision — `Session.canPerform` or `simulatePrincipalPolicy` — as the operator, because those
 * queries are themselves guarded by IAM and the principals under test need not hold that permission.
 */
const names = listScenarioNames();
const cipher = createSecretCipher(randomBytes(32));
const operator = {
  accessKeyId: generateAccessKeyId('AKIA'),
  secretAccessKey: generateSecretAccessKey(),
  arn: OPERATOR_ARN,
  accountId: OPERATOR_ACCOUNT_ID,
};
const operatorCredentials: ClientCredentials = {
  accessKeyId: operator.accessKeyId,
  secretAccessKey: operator.secretAccessKey,
};

const simulateQuery = `query Decide($input: SimulatePrincipalPolicyInput!) {
  simulatePrincipalPolicy(input: $input) {
    evaluationResults { evalDecision explanation }
  }
}`;

const sessionQuery = `query DecideForSession($accessKeyId: String!, $action: String!, $resource: String!, $context: [ContextEntryInput!]) {
  session(accessKeyId: $accessKeyId) {
    canPerform(action: $action, resource: $resource, context: $context) { decision explanation }
  }
}`;

const decisionNames: Record<string, string> = {
  ALLOWED: 'allowed',
  EXPLICIT_DENY: 'explicitDeny',
  IMPLICIT_DENY: 'implicitDeny',
};

let server: TestServer;
const loaded = new Map<string, LoadedScenario>();

/**
 * Asks the server: `Session.canPerform` for the chain's session (exact, by its access key id — an assumed-role
 * ARN can name several sessions), `simulatePrincipalPolicy` for a user or role.
 */
const decide: DecideFn = async (request) => {
  const contextEntries =
    request.context.length === 0
      ? null
      : request.context.map((c) => ({ ...c, type: c.type?.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() ?? null }));
  if (request.sessionAccessKeyId !== null) {
    const response = await postSigned(server.url, operatorCredentials, sessionQuery, {
      accessKeyId: request.sessionAccessKeyId,
      action: request.action,
      resource: request.resource,
      context: contextEntries,
    });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = (response.data?.session as { canPerform: { decision: string; explanation: string } }).canPerform;
    return { decision: decisionNames[result.decision] ?? result.decision, explanation: result.explanation };
  }
  const response = await postSigned(server.url, operatorCredentials, simulateQuery, {
    input: {
      policySourceArn: request.policySourceArn,
      actionNames: [request.action],
      resourceArns: [request.resource],
      contextEntries,
    },
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const [result] = (
    response.data?.simulatePrincipalPolicy as { evaluationResults: { evalDecision: string; explanation: string }[] }
  ).evaluationResults;
  return {
    decision: decisionNames[result?.evalDecision ?? ''] ?? String(result?.evalDecision),
    explanation: result?.explanation ?? '',
  };
};

beforeAll(async () => {
  server = await startTestServer({ cipher, authenticate: createAuthenticator({ cipher, operator }) });
  // All scenarios side by side in one database, as a person loading several would have them.
  for (const name of names) {
    loaded.set(name, await loadScenario(server.database.prisma, readScenario(name), { cipher }));
  }
});

afterAll(async () => {
  await server?.close();
});

for (const name of names) {
  describe(`scenario ${name}`, () => {
    for (const expectation of readScenario(name).expectations) {
      it(expectation.description, async () => {
        const scenario = loaded.get(name);
        if (scenario === undefined) throw new Error(`${name} did not load`);
        await runExpectation(server.url, scenario, expectation, decide);
      });
    }
  });
}
