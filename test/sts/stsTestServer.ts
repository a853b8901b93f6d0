import { randomBytes } from 'node:crypto';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { postGraphql, type GraphqlResponse } from '../support/postGraphql.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { arrangeIam, type TestKey } from './arrangeIam.js';
import { basicHeaders } from './signedPost.js';

/** The assumeRole mutation with every payload field. */
export const ASSUME_ROLE = `mutation Assume($input: AssumeRoleInput!) {
  assumeRole(input: $input) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    assumedRoleUser { arn assumedRoleId }
    packedPolicySize
    sourceIdentity
  }
}`;

/** What the assumeRole mutation returns. */
export interface AssumeRoleData {
  assumeRole: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
    assumedRoleUser: { arn: string; assumedRoleId: string };
    packedPolicySize: number;
    sourceIdentity: string | null;
  };
}

/** A test server with the real authenticator, plus helpers to arrange IAM and call STS. */
export async function startStsTestServer() {
  const cipher = createSecretCipher(randomBytes(32));
  const server: TestServer = await startTestServer({
    cipher,
    authenticate: createAuthenticator({ cipher, operator: null }),
  });
  const iam = arrangeIam(server.database.prisma, cipher);
  const call = <T = Record<string, unknown>>(
    key: TestKey | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResponse<T>> => postGraphql<T>(server.url, query, variables, key === null ? {} : basicHeaders(key));
  const assume = (key: TestKey, input: Record<string, unknown>) => call<AssumeRoleData>(key, ASSUME_ROLE, { input });
  /** The credentials of a successful assumeRole, as a key to sign the next request with. */
  const sessionKey = (response: GraphqlResponse<AssumeRoleData>): TestKey => {
    const credentials = response.data?.assumeRole.credentials;
    if (!credentials) throw new Error(`assumeRole failed: ${JSON.stringify(response.errors)}`);
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };
  };
  return { server, cipher, iam, call, assume, sessionKey };
}

/** A trust policy that lets the given AWS principals assume a role, with optional conditions and actions. */
export function trustPolicy(principals: string | string[], options: { condition?: unknown; actions?: string[] } = {}) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: principals },
        Action: options.actions ?? 'sts:AssumeRole',
        ...(options.condition ? { Condition: options.condition } : {}),
      },
    ],
  };
}

/** An identity policy allowing the given actions on the given resources. */
export function allow(actions: string | string[], resources: string | string[] = '*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });
}

/** The callerIdentity query. */
export const WHO_AM_I = '{ callerIdentity { userId account arn } }';
