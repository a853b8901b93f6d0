import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { GraphqlResponse } from './postGraphql.js';

/** An access key pair (with the session token of temporary credentials) a test signs with. */
export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * POSTs a GraphQL operation signed with SigV4 by @smithy/signature-v4 — the AWS SDK's own signer — the way
 * AppSync's IAM mode signs it (service `appsync`).
 */
export async function signedPost<TData = Record<string, unknown>>(
  baseUrl: string,
  key: SigningKey,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<TData>> {
  const url = new URL(`${baseUrl}/graphql`);
  const body = JSON.stringify({ query, variables });
  const signer = new SignatureV4({ credentials: key, region: 'us-east-1', service: 'appsync', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  const response = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse<TData>, 'status'>) };
}
