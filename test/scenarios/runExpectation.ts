import { expect } from 'vitest';
import { postGraphql } from '../support/postGraphql.js';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import type { LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { stringifyPolicy } from '../../src/features/scenarios/stringifyPolicy.js';
import type {
  ScenarioAssumeRoleStep,
  ScenarioChainStep,
  ScenarioExpectation,
} from '../../src/features/scenarios/scenarioTypes.js';

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
export function postSigned(
  baseUrl: string,
  credentials: ClientCredentials,
  query: string,
  variables: Record<string, unknown> = {},
) {
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
export async function runExpectation(
  url: string,
  loaded: LoadedScenario,
  expectation: ScenarioExpectation,
  decide: DecideFn,
): Promise<void> {
  const key = loaded.accessKeys.find((k) => k.principalArn === expectation.principal);
  if (key === undefined) throw new Error(`no access key for ${expectation.principal}`);
  let credentials: ClientCredentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  let currentArn = expectation.principal;
  const chain = expectation.chain ?? [];

  for (const [index, step] of chain.entries()) {
    const { response, name, pick } = await runChainStep(url, credentials, step, loaded);
    const isLast = index === chain.length - 1;
    if (isLast && expectation.error !== undefined) {
      expect(response.errors?.[0]?.extensions?.code, `${name}: ${JSON.stringify(response)}`).toBe(expectation.error);
      return;
    }
    expect(response.errors, `${name} as ${currentArn}: ${JSON.stringify(response.errors)}`).toBeUndefined();
    ({ credentials, arn: currentArn } = pick(response.data as Record<string, unknown>));
    const identity = await postSigned(url, credentials, 'query { callerIdentity { arn } }');
    expect(identity.data?.callerIdentity, JSON.stringify(identity)).toEqual({ arn: currentArn });
  }

  if (expectation.revokeRoleSessions !== undefined) {
    const { roleArn, by } = expectation.revokeRoleSessions;
    const revoker = loaded.accessKeys.find((k) => k.principalArn === by);
    if (revoker === undefined) throw new Error(`no access key for ${by}`);
    const revoked = await postSigned(
      url,
      revoker,
      'mutation Revoke($roleArn: String!) { revokeRoleSessions(roleArn: $roleArn) { revokedAt } }',
      { roleArn },
    );
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

type StepCredentials = { credentials: ClientCredentials; arn: string };
interface StepOutcome {
  name: string;
  response: Awaited<ReturnType<typeof postGraphql>>;
  /** The credentials and principal the step hands to the next one. */
  pick: (data: Record<string, unknown>) => StepCredentials;
}

const samlMutation = `mutation Assume($input: AssumeRoleWithSAMLInput!) {
  assumeRoleWithSAML(input: $input) { credentials { accessKeyId secretAccessKey sessionToken } assumedRoleUser { arn } }
}`;

const webIdentityMutation = `mutation Assume($input: AssumeRoleWithWebIdentityInput!) {
  assumeRoleWithWebIdentity(input: $input) { credentials { accessKeyId secretAccessKey sessionToken } assumedRoleUser { arn } }
}`;

const federationTokenMutation = `mutation Federate($input: GetFederationTokenInput!) {
  getFederationToken(input: $input) { credentials { accessKeyId secretAccessKey sessionToken } federatedUser { arn } }
}`;

/**
 * Runs one chain step signed with `credentials`: an assumeRole; a getFederationToken; a web identity exchange (the signer mints a
 * token from a built-in issuer, which is then exchanged unsigned); a SAML exchange (likewise, an assertion
 * from a built-in SAML IdP); or a launch (runInstances or createFunction)
 * followed by acting as the instance or function. A launch that fails is the step's failure.
 */
async function runChainStep(
  url: string,
  credentials: ClientCredentials,
  step: ScenarioChainStep,
  loaded: LoadedScenario,
): Promise<StepOutcome> {
  const session = (payload: { credentials: ClientCredentials; assumedRoleUser: { arn: string } }): StepCredentials => ({
    credentials: payload.credentials,
    arn: payload.assumedRoleUser.arn,
  });
  if ('webIdentity' in step) {
    const { claims, ...token } = step.webIdentity;
    const minted = await postSigned(
      url,
      credentials,
      'mutation Mint($input: MintOidcTokenInput!) { mintOidcToken(input: $input) { token } }',
      {
        input: { ...token, ...(claims === undefined ? {} : { claims: JSON.stringify(claims) }) },
      },
    );
    expect(minted.errors, `mintOidcToken ${JSON.stringify(minted.errors)}`).toBeUndefined();
    const webIdentityToken = (minted.data?.mintOidcToken as { token: string }).token;
    const response = await postGraphql(url, webIdentityMutation, {
      input: { roleArn: step.roleArn, roleSessionName: step.roleSessionName, webIdentityToken },
    });
    return {
      name: `assumeRoleWithWebIdentity ${step.roleArn}`,
      response,
      pick: (data) => session(data.assumeRoleWithWebIdentity as never),
    };
  }
  if ('federationToken' in step) {
    const { policy, ...rest } = step.federationToken;
    const response = await postSigned(url, credentials, federationTokenMutation, {
      input: { ...rest, ...(policy === undefined ? {} : { policy: stringifyPolicy(policy) }) },
    });
    return {
      name: `getFederationToken ${step.federationToken.name}`,
      response,
      pick: (data) => {
        const payload = data.getFederationToken as { credentials: ClientCredentials; federatedUser: { arn: string } };
        return { credentials: payload.credentials, arn: payload.federatedUser.arn };
      },
    };
  }
  if ('graphql' in step) {
    const response = await postSigned(url, credentials, step.graphql.query, step.graphql.variables ?? {});
    const identity = await postSigned(url, credentials, 'query { callerIdentity { arn } }');
    const arn = (identity.data?.callerIdentity as { arn: string } | undefined)?.arn ?? '';
    return { name: `graphql ${step.graphql.query.slice(0, 60)}`, response, pick: () => ({ credentials, arn }) };
  }
  if ('saml' in step) {
    const { attributes, roles, principalArn: _principalArn, ...assertion } = step.saml;
    const minted = await postSigned(
      url,
      credentials,
      'mutation Mint($input: MintSamlAssertionInput!) { mintSamlAssertion(input: $input) { samlResponse } }',
      {
        input: {
          ...assertion,
          roles: roles ?? [{ roleArn: step.roleArn, principalArn: step.saml.principalArn }],
          ...(attributes === undefined ? {} : { attributes: JSON.stringify(attributes) }),
        },
      },
    );
    expect(minted.errors, `mintSamlAssertion ${JSON.stringify(minted.errors)}`).toBeUndefined();
    const sAMLAssertion = (minted.data?.mintSamlAssertion as { samlResponse: string }).samlResponse;
    const response = await postGraphql(url, samlMutation, {
      input: { roleArn: step.roleArn, principalArn: step.saml.principalArn, sAMLAssertion },
    });
    return {
      name: `assumeRoleWithSAML ${step.roleArn}`,
      response,
      pick: (data) => session(data.assumeRoleWithSAML as never),
    };
  }
  if ('runInstances' in step) {
    const { instanceProfile, imageId, region } = step.runInstances;
    const run = await postSigned(
      url,
      credentials,
      'mutation Run($input: RunInstancesInput!) { runInstances(input: $input) { arn } }',
      {
        input: { imageId: imageId ?? 'ami-0123456789abcdef0', region, iamInstanceProfile: { name: instanceProfile } },
      },
    );
    if (run.errors !== undefined)
      return { name: `runInstances ${instanceProfile}`, response: run, pick: () => ({ credentials, arn: '' }) };
    const arn = (run.data?.runInstances as { arn: string }).arn;
    const response = await postSigned(
      url,
      credentials,
      'mutation Imds($arn: String!) { instanceCredentials(instanceArn: $arn) { accessKeyId secretAccessKey token assumedRoleUser { arn } } }',
      { arn },
    );
    return {
      name: `instanceCredentials ${arn}`,
      response,
      pick: (data) => {
        const imds = data.instanceCredentials as {
          accessKeyId: string;
          secretAccessKey: string;
          token: string;
          assumedRoleUser: { arn: string };
        };
        return {
          credentials: {
            accessKeyId: imds.accessKeyId,
            secretAccessKey: imds.secretAccessKey,
            sessionToken: imds.token,
          },
          arn: imds.assumedRoleUser.arn,
        };
      },
    };
  }
  if ('createFunction' in step) {
    const created = await postSigned(
      url,
      credentials,
      'mutation Create($input: CreateFunctionInput!) { createFunction(input: $input) { functionArn } }',
      { input: step.createFunction },
    );
    if (created.errors !== undefined)
      return {
        name: `createFunction ${step.createFunction.functionName}`,
        response: created,
        pick: () => ({ credentials, arn: '' }),
      };
    const arn = (created.data?.createFunction as { functionArn: string }).functionArn;
    const response = await postSigned(
      url,
      credentials,
      'mutation Act($arn: String!) { functionCredentials(functionArn: $arn) { credentials { accessKeyId secretAccessKey sessionToken } assumedRoleUser { arn } } }',
      { arn },
    );
    return { name: `functionCredentials ${arn}`, response, pick: (data) => session(data.functionCredentials as never) };
  }
  const response = await postSigned(url, credentials, assumeRoleMutation, { input: toAssumeRoleInput(step, loaded) });
  return { name: `assumeRole ${step.roleArn}`, response, pick: (data) => session(data.assumeRole as never) };
}
