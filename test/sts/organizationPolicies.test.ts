import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, startStsTestServer, trustPolicy } from './stsTestServer.js';

const MANAGEMENT = '100000000001';
const MEMBER = '200000000002';
const denyAssume = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }],
};

describe('assumeRole under SCPs and RCPs', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
    await sts.iam.account(MANAGEMENT);
    await sts.iam.account(MEMBER);
    await sts.iam.organization(
      MANAGEMENT,
      [MEMBER],
      [
        {
          type: 'SERVICE_CONTROL_POLICY',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${MANAGEMENT}:role/Guarded` },
            ],
          },
        },
        { type: 'RESOURCE_CONTROL_POLICY', document: denyAssume },
      ],
    );
  });
  afterAll(async () => sts?.server.close());

  it("an SCP on the caller's member account denies, even with both sides allowing", async () => {
    const member = await sts.iam.user(MEMBER, 'member-user', [allow('sts:AssumeRole')]);
    const guarded = await sts.iam.role(MANAGEMENT, 'Guarded', trustPolicy(member.arn));
    const open = await sts.iam.role(MANAGEMENT, 'Open', trustPolicy(member.arn));
    expect(
      (await sts.assume(member, { roleArn: guarded.arn, roleSessionName: 'scp' })).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
    expect((await sts.assume(member, { roleArn: open.arn, roleSessionName: 'scp' })).errors).toBeUndefined();
  });

  it("an RCP on the role's member account denies; roles in accounts without it are unaffected", async () => {
    const boss = await sts.iam.user(MANAGEMENT, 'boss', [allow('sts:AssumeRole')]);
    const inMember = await sts.iam.role(MEMBER, 'RcpGuarded', trustPolicy(boss.arn));
    expect(
      (await sts.assume(boss, { roleArn: inMember.arn, roleSessionName: 'rcp' })).errors?.[0]?.extensions?.code,
    ).toBe('AccessDenied');
    const inManagement = await sts.iam.role(MANAGEMENT, 'Home', trustPolicy(boss.arn));
    expect((await sts.assume(boss, { roleArn: inManagement.arn, roleSessionName: 'rcp' })).errors).toBeUndefined();
  });
});
