import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, startStsTestServer, trustPolicy } from './stsTestServer.js';

const A = '111122223333';
const REVOKE =
  'mutation Revoke($roleArn: String!) { revokeRoleSessions(roleArn: $roleArn) { roleArn policyName revokedAt } }';

describe('revokeRoleSessions over HTTP', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
  });
  afterAll(async () => sts?.server.close());

  it('denies sessions issued before the revocation and leaves later ones working', async () => {
    // Given a role whose sessions may assume a target role, and one live session
    const root = await sts.iam.account(A);
    const alice = await sts.iam.user(A, 'alice');
    const target = await sts.iam.role(A, 'Target', trustPolicy(`arn:aws:iam::${A}:root`));
    const role = await sts.iam.role(A, 'Revocable', trustPolicy(alice.arn), { policies: [allow('sts:AssumeRole')] });
    const before = sts.sessionKey(await sts.assume(alice, { roleArn: role.arn, roleSessionName: 'before' }));
    expect((await sts.assume(before, { roleArn: target.arn, roleSessionName: 'next' })).errors).toBeUndefined();
    // When alice (without iam:PutRolePolicy) tries to revoke, and then the account root does
    const refused = await sts.call(alice, REVOKE, { roleArn: role.arn });
    expect(refused.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const revoked = await sts.call<{ revokeRoleSessions: { policyName: string } }>(root, REVOKE, { roleArn: role.arn });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeRoleSessions.policyName).toBe('AWSRevokeOlderSessions');
    // Then the old session is denied by the explicit deny, and a new session works
    const denied = await sts.assume(before, { roleArn: target.arn, roleSessionName: 'next' });
    expect(denied.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    const after = sts.sessionKey(await sts.assume(alice, { roleArn: role.arn, roleSessionName: 'after' }));
    expect((await sts.assume(after, { roleArn: target.arn, roleSessionName: 'next' })).errors).toBeUndefined();
    const stored = await sts.server.database.prisma.inlinePolicy.findMany({ where: { roleId: role.id } });
    expect(stored.map((p) => p.name).sort()).toEqual(['AWSRevokeOlderSessions', 'p0']);
  });

  it('reports an unknown role as NoSuchEntity', async () => {
    const key = await sts.iam.account('444455556666');
    const response = await sts.call(key, REVOKE, { roleArn: 'arn:aws:iam::444455556666:role/Nope' });
    expect(response.errors?.[0]).toMatchObject({
      message: 'The role with name Nope cannot be found.',
      extensions: { code: 'NoSuchEntity' },
    });
  });
});
