import { randomBytes } from 'node:crypto';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../../src/features/auth/generateIds.js';
import { OPERATOR_ACCOUNT_ID, OPERATOR_ARN } from '../../src/features/auth/loadOperatorCredential.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import type { QueryLimits } from '../../src/graphql/limits/queryLimits.js';
import { postGraphql, type GraphqlResponse } from '../support/postGraphql.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** An access key pair a test signs with. */
export interface Key {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** HTTP Basic credentials, as the README documents them for curl and the explorer. */
export function basicAuth(key: Key): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${key.accessKeyId}:${key.secretAccessKey}`).toString('base64')}`,
  };
  if (key.sessionToken) headers['x-amz-security-token'] = key.sessionToken;
  return headers;
}

/** Throws with the server's errors unless the response has data, so arrange steps fail loudly. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (!response.data || response.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The first error's code and message, for asserting on AWS's errors. */
export function errorOf(response: GraphqlResponse<unknown>): { code: unknown; message: string } {
  const error = response.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return { code: error.extensions?.code, message: error.message };
}

const CREATE_ACCOUNT = `mutation($name: String!, $acting: String) {
  createAccount(accountName: $name, actingAccountId: $acting) {
    account { accountId rootArn }
    rootAccessKey { accessKeyId secretAccessKey }
  }
}`;

/**
 * A full HTTP server with the real authenticator and a known operator credential, plus helpers that call
 * GraphQL as a given key and create accounts the way a user of the playground does (operator → root key).
 */
export async function startManagementServer(
  options: { onQuery?: (sql: string) => void; queryLimits?: QueryLimits } = {},
) {
  const cipher = createSecretCipher(randomBytes(32));
  const operator: Key = { accessKeyId: generateAccessKeyId('AKIA'), secretAccessKey: generateSecretAccessKey() };
  const server: TestServer = await startTestServer({
    cipher,
    databaseOptions: options.onQuery ? { onQuery: options.onQuery } : {},
    ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
    authenticate: createAuthenticator({
      cipher,
      operator: { ...operator, arn: OPERATOR_ARN, accountId: OPERATOR_ACCOUNT_ID },
    }),
  });
  const call = <T = Record<string, any>>(key: Key | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(server.url, query, variables, key === null ? {} : basicAuth(key));
  /** Creates an account as the operator (or as a management account's root) and returns its id and root key. */
  const createAccount = async (name: string, as: Key = operator, acting?: string) => {
    const created = dataOf(
      await call<{ createAccount: { account: { accountId: string }; rootAccessKey: Key } }>(as, CREATE_ACCOUNT, {
        name,
        acting,
      }),
    );
    const { accessKeyId, secretAccessKey } = created.createAccount.rootAccessKey;
    return { accountId: created.createAccount.account.accountId, root: { accessKeyId, secretAccessKey } };
  };
  return { server, cipher, operator, call, createAccount, prisma: server.database.prisma };
}

/** An identity policy allowing the given actions on the given resources. */
export function allow(actions: string | string[], resources: string | string[] = '*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });
}
