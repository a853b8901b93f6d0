import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { startManagementServer, type Key } from '../management/managementTestServer.js';

/**
 * The full server with the real authenticator and operator (as test/management starts it), plus AWS SDK v3
 * clients — unmodified, pointed at it with an endpoint URL, as a user of the playground configures them.
 */
export async function startAwsTestServer(options: { onQuery?: (sql: string) => void } = {}) {
  const management = await startManagementServer(options);
  const config = (key: Key) => ({
    endpoint: management.server.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(key.sessionToken ? { sessionToken: key.sessionToken } : {}),
    },
    maxAttempts: 1,
  });
  return {
    ...management,
    sts: (key: Key) => new STSClient(config(key)),
    iam: (key: Key) => new IAMClient(config(key)),
    organizations: (key: Key) => new OrganizationsClient(config(key)),
  };
}

/** Runs a call expected to fail and returns the SDK's error (its `name` is AWS's code, `$metadata` the status). */
export async function failureOf(
  call: Promise<unknown>,
): Promise<Error & { name: string; $metadata: { httpStatusCode?: number }; Code?: string; Type?: string }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { name: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}
