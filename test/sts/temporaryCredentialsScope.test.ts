import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotpCode } from '../../src/features/auth/verifyTotp.js';
import { allow, startStsTestServer } from './stsTestServer.js';

const A = '111122223333';
const GET_SESSION_TOKEN = `mutation Token($input: GetSessionTokenInput) {
  getSessionToken(input: $input) { credentials { accessKeyId secretAccessKey sessionToken } }
}`;
type TokenData = {
  getSessionToken: { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string } };
};

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html: "You cannot call any IAM API
// operations unless MFA authentication information is included in the request."
describe('GetSessionToken credentials and IAM', () => {
  let sts: Awaited<ReturnType<typeof startStsTestServer>>;
  beforeAll(async () => {
    sts = await startStsTestServer();
    await sts.iam.account(A);
  });
  afterAll(async () => sts?.server.close());

  it('cannot call IAM without MFA, even with an administrator policy; can with MFA', async () => {
    // Given an administrator user with an MFA device
    const henry = await sts.iam.user(A, 'henry', [allow('*')]);
    const device = await sts.iam.mfaDevice(A, henry.id, 'henry');
    const keyOf = (data: TokenData) => data.getSessionToken.credentials;
    const plain = keyOf(
      (await sts.call<TokenData>(henry, GET_SESSION_TOKEN, { input: { durationSeconds: 900 } })).data!,
    );
    const withMfa = keyOf(
      (
        await sts.call<TokenData>(henry, GET_SESSION_TOKEN, {
          input: { durationSeconds: 900, serialNumber: device.serialNumber, tokenCode: generateTotpCode(device.seed) },
        })
      ).data!,
    );
    const readUser = `{ user(arn: "${henry.arn}") { name } }`;
    // When / Then
    const denied = await sts.call(plain, readUser);
    expect(denied.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    expect((await sts.call(henry, readUser)).errors).toBeUndefined();
    expect((await sts.call(withMfa, readUser)).errors).toBeUndefined();
  });
});
