import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** An access key pair the benchmark signs with. */
export interface BenchKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A GraphQL POST ready to send again and again: its body and signed headers. */
export interface PreparedRequest {
  name: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Signs one GraphQL POST with SigV4 (service `appsync`, the AWS SDK's own signer), once. A SigV4 signature
 * holds for 15 minutes and carries no nonce, so the load generator replays it: clients then spend no CPU on
 * signing and the server still verifies every request in full.
 */
export async function signRequest(
  baseUrl: string,
  key: BenchKey,
  name: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<PreparedRequest> {
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
  return { name, body, headers: signed.headers as Record<string, string> };
}
