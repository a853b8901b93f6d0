import { expect } from 'vitest';
import { postGraphql } from '../support/postGraphql.js';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import type { LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { stringifyPolicy } from '../../src/features/scenarios/stringifyPolicy.js';
import type { ScenarioAssumeRoleStep, ScenarioExpectation } from '../../src/features/scenarios/scenarioTypes.js';

/** Credentials as a client holds them: a long-term key, or temporary credentials with a session token. */
export interface ClientCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * The headers that sign a request with HTTP Basic (access key id as user name, secret as password) plus
 * `X-Amz-Security-Token` for temporary credentials — the way the explorer and curl sign in.
 */
export function basicAuthHeaders(credentials: ClientCredentials): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${credentials.accessKeyId}:${credentials.secretAccessKey}`).toString('base64')}`,
  };
  if (credentials.sessionToken !== undefined) headers['x-amz-security-token'] = credentials.sessionToken;
  return headers;
}

/** Sends one operation to the server signed with `credentials`. */
export function postSigned(baseUrl: string, credentials: ClientCredentials, query: string, variables: Record<string, unknown> = {}) {
  return postGraphql(baseUrl, query, variables, basicAuthHeaders(credentials));
}

const assumeRoleMutation = `mutation AssumeRole($input: AssumeRoleInput!) {
  assumeRole(input: $input) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    assumedRoleUser { arn assumedRoleId }
    sourceIdentity
  }
}`;

/** What deciding a request needs: the policy source, the request, and who may ask (the simulator is guarded by IAM too). */
export interface DecisionRequest {
  policySourceArn: string;
  /** The access key id of the chain's last session when the decision is about it (its ARN alone is ambiguous). */
  sessionAccessKeyId: string | null;
  action: string;
  resource: string;
  context: { key: string; values: string[]; type?: string }[];
}

/** Answers a decision through the server: `allowed`, `explicitDeny` or `implicitDeny`, plus an explanation for failures. */
export type DecideFn = (request: DecisionRequest) => Promise<{ decision: string; explanation: string }>;

function toAssumeRoleInput(step: ScenarioAssumeRoleStep, loaded: LoadedScenario): Record<string, unknown> {
  const { tags, policy, tokenCode, ...rest } = step;
  const input: Record<string, unknown> = { ...rest };
  if (tags !== undefined) input.tags = Object.entries(tags).map(([key, value]) => ({ key, value }));
  if (policy !== undefined) input.policy = stringifyPolicy(policy);
  if (tokenCode === 'totp') {
    const device = loaded.mfaDevices.find((d) => d.serialNumber === step.serialNumber);
    if (device === undefined) throw new Error(`no mfa device ${step.serialNumber} in ${loaded.name}`);
    input.tokenCode = generateTotpCode(device.seed);
  } else if (tokenCode !== undefined) {
    input.tokenCode = tokenCode;
  }
  return input;
}

/**
 * Runs one scenario expectation against a live server: signs in as the principal with its access key,
 * performs each assumeRole of the chain with the credentials of the previous step (checking with
 * callerIdentity that the new credentials really are the assumed role), optionally revokes a role's
 * sessions as another principal, and then either expects the last
 * assumeRole to fail with the expected AWS error code, or asks `decide` for the decision on the action.
 */
export async function runExpectation(url: string, loaded: LoadedScenario, expectation: ScenarioExpectation, decide: DecideFn): Promise<void> {
  const key = loaded.accessKeys.find((k) => k.principalArn === expectation.principal);
  if (key === undefined) throw new Error(`no access key for ${expectation.principal}`);
  let credentials: ClientCredentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  let currentArn = expectation.principal;
  const chain = expectation.chain ?? [];

  for (const [index, step] of chain.entries()) {
    const response = await postSigned(url, credentials, assumeRoleMutation, { input: toAssumeRoleInput(step, loaded) });
    const isLast = index === chain.length - 1;
    if (isLast && expectation.error !== undefined) {
      expect(response.errors?.[0]?.extensions?.code, `assumeRole ${step.roleArn}: ${JSON.stringify(response)}`).toBe(expectation.error);
      return;
    }
    expect(response.errors, `assumeRole ${step.roleArn} as ${currentArn}`).toBeUndefined();
    const payload = response.data?.assumeRole as {
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
      assumedRoleUser: { arn: string };
    };
    credentials = payload.credentials;
    currentArn = payload.assumedRoleUser.arn;
    const identity = await postSigned(url, credentials, 'query { callerIdentity { arn } }');
    expect(identity.data?.callerIdentity, JSON.stringify(identity)).toEqual({ arn: currentArn });
  }

  if (expectation.revokeRoleSessions !== undefined) {
    const { roleArn, by } = expectation.revokeRoleSessions;
    const revoker = loaded.accessKeys.find((k) => k.principalArn === by);
    if (revoker === undefined) throw new Error(`no access key for ${by}`);
    const revoked = await postSigned(url, revoker, 'mutation Revoke($roleArn: String!) { revokeRoleSessions(roleArn: $roleArn) { revokedAt } }', { roleArn });
    expect(revoked.errors, `revokeRoleSessions ${roleArn} as ${by}`).toBeUndefined();
  }

  if (expectation.action === undefined || expectation.resource === undefined || expectation.decision === undefined) {
    throw new Error(`expectation "${expectation.description}" has neither an error nor a decision`);
  }
  const result = await decide({
    policySourceArn: expectation.policySource ?? currentArn,
    sessionAccessKeyId: expectation.policySource === undefined && chain.length > 0 ? credentials.accessKeyId : null,
    action: expectation.action,
    resource: expectation.resource,
    context: expectation.context ?? [],
  });
  expect(result.decision, result.explanation).toBe(expectation.decision);
}
