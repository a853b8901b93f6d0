import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import type { Database } from '../../src/db/openDatabase.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createServer, type PlaygroundServer } from '../../src/server.js';
import type { BenchKey } from './signRequest.js';

/** The scenario the request benchmark signs in to: an organization of three accounts, groups, roles, MFA. */
export const BENCH_SCENARIO = 'cross-account-auditor';

/** Alice may ask everything the benchmark's operations need, in her own account (she is in the Auditors group too). */
const BENCH_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'iam:SimulateCustomPolicy',
        'iam:ListUsers',
        'iam:ListGroups',
        'iam:ListRoles',
        'organizations:DescribeAccount',
      ],
      Resource: '*',
    },
  ],
});

/** A running playground with the real authenticator, the benchmark's caller and its operator. */
export interface BenchPlayground {
  url: string;
  alice: BenchKey;
  server: PlaygroundServer;
  close(): Promise<void>;
}

/**
 * Starts the real server (real authenticator, SigV4 and Basic) on 127.0.0.1 and a free port over `database`,
 * loads the scenario, and gives alice (a user with a group policy, tags and an organization above her) the
 * policy the operations need — written through the API by the operator, as a person would.
 */
export async function startBenchPlayground(
  database: Database,
  logger: Logger = createLogger('silent'),
): Promise<BenchPlayground> {
  const cipher = createSecretCipher(randomBytes(32));
  const operator = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
  const loaded = await loadScenarioByName(database.prisma, BENCH_SCENARIO, { cipher });
  const aliceKey = loaded.accessKeys.find((key) => key.principalArn.endsWith(':user/alice'));
  if (aliceKey === undefined) throw new Error(`scenario ${BENCH_SCENARIO} has no key for alice`);
  const server = await createServer({
    database,
    logger,
    authenticate: createAuthenticator({
      cipher,
      operator: { ...operator, arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID },
    }),
    cipher,
  });
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const basic = `Basic ${Buffer.from(`${operator.accessKeyId}:${operator.secretAccessKey}`).toString('base64')}`;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic },
    body: JSON.stringify({
      query:
        'mutation($doc: String!) { putUserPolicy(userName: "alice", policyName: "Bench", policyDocument: $doc, actingAccountId: "100000000001") { name } }',
      variables: { doc: BENCH_POLICY },
    }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`bench set-up failed: ${JSON.stringify(body.errors)}`);
  return {
    url,
    alice: { accessKeyId: aliceKey.accessKeyId, secretAccessKey: aliceKey.secretAccessKey },
    server,
    close: () => server.close(),
  };
}
