import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, dataOf, errorOf, startManagementServer, type Key } from '../management/managementTestServer.js';

// A stored Deny that no longer compiles (changed behind the API) must not grant more than the model says:
// every path — the door of mutations and reads, canPerform, the analysis index — denies and names it.
let env: Awaited<ReturnType<typeof startManagementServer>>;
let root: Key;
let carol: Key;
let carolArn: string;

const deny = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'iam:CreateGroup', Resource: '*' }],
});

beforeAll(async () => {
  env = await startManagementServer();
  let accountId: string;
  ({ accountId, root } = await env.createAccount('invalid-policy'));
  carolArn = `arn:aws:iam::${accountId}:user/carol`;
  dataOf(
    await env.call(
      root,
      'mutation($a: String!, $d: String!) { createUser(userName: "carol") { arn } allow: putUserPolicy(userName: "carol", policyName: "allow", policyDocument: $a) { arn } guard: putUserPolicy(userName: "carol", policyName: "guard", policyDocument: $d) { arn } }',
      { a: allow(['iam:CreateGroup', 'iam:GetUser']), d: deny },
    ),
  );
  carol = dataOf(
    await env.call<{ createAccessKey: Key }>(
      root,
      'mutation { createAccessKey(userName: "carol") { accessKeyId secretAccessKey } }',
    ),
  ).createAccessKey;
  // Given the Deny is corrupted in the database, behind the API
  await env.prisma.inlinePolicy.updateMany({ where: { name: 'guard' }, data: { document: '{"Statement": [' } });
});
afterAll(() => env?.server.close());

describe('an invalid stored policy fails closed everywhere', () => {
  it("denies the user's own request with AccessDenied (not an internal error)", async () => {
    expect(errorOf(await env.call(carol, 'mutation { createGroup(groupName: "g") { name } }')).code).toBe(
      'AccessDenied',
    );
  });

  it('canPerform answers an explicit deny whose explanation names the policy', async () => {
    const data = dataOf(
      await env.call<{ user: { canPerform: { decision: string; explanation: string } } }>(
        root,
        'query($arn: String!) { user(arn: $arn) { canPerform(action: "iam:CreateGroup", resource: "*") { decision explanation } } }',
        { arn: carolArn },
      ),
    );
    expect(data.user.canPerform.decision).toBe('EXPLICIT_DENY');
    expect(data.user.canPerform.explanation).toContain(`${carolArn}:inline/guard`);
  });

  it('simulatePrincipalPolicy agrees', async () => {
    const data = dataOf(
      await env.call<{ simulatePrincipalPolicy: { evaluationResults: { evalDecision: string }[] } }>(
        root,
        'query($arn: String!) { simulatePrincipalPolicy(input: { policySourceArn: $arn, actionNames: ["iam:CreateGroup"] }) { evaluationResults { evalDecision } } }',
        { arn: carolArn },
      ),
    );
    expect(data.simulatePrincipalPolicy.evaluationResults.map((result) => result.evalDecision)).toEqual([
      'EXPLICIT_DENY',
    ]);
  });
});
