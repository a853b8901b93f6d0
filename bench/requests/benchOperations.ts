import { signRequest, type BenchKey, type PreparedRequest } from './signRequest.js';

/** The operations the request benchmark measures, by name. */
export const OPERATION_NAMES = [
  'typename',
  'callerIdentity',
  'simulateCustomPolicy',
  'assumeRole',
  'nestedRead',
] as const;

/** One of {@link OPERATION_NAMES}. */
export type OperationName = (typeof OPERATION_NAMES)[number];

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::ledger', 'arn:aws:s3:::ledger/*'],
    },
  ],
});

const QUERIES: Record<OperationName, { query: string; variables?: Record<string, unknown> }> = {
  typename: { query: '{ __typename }' },
  callerIdentity: { query: '{ callerIdentity { userId account arn } }' },
  simulateCustomPolicy: {
    query: `query($input: SimulateCustomPolicyInput!) { simulateCustomPolicy(input: $input) {
      evaluationResults { evalActionName evalResourceName evalDecision matchedStatements { sourcePolicyId statementId } } } }`,
    variables: {
      input: {
        policyInputList: [POLICY],
        actionNames: ['s3:GetObject', 's3:PutObject'],
        resourceArns: ['arn:aws:s3:::ledger/q1.csv'],
      },
    },
  },
  assumeRole: {
    query: `mutation { assumeRole(input: { roleArn: "arn:aws:iam::100000000003:role/SecurityAudit", roleSessionName: "bench" }) {
      credentials { accessKeyId expiration } assumedRoleUser { arn } } }`,
  },
  nestedRead: {
    query: `{ account(accountId: "100000000001") { accountId
      users(first: 50) { edges { node { name tags { key value } groups { name inlinePolicies { name } members { name } } } } }
      groups(first: 50) { edges { node { name } } } } }`,
  },
};

/** Signs every benchmark operation for `key` against `baseUrl`, once. */
export async function prepareOperations(
  baseUrl: string,
  key: BenchKey,
): Promise<Record<OperationName, PreparedRequest>> {
  const entries = await Promise.all(
    OPERATION_NAMES.map(
      async (name) =>
        [name, await signRequest(baseUrl, key, name, QUERIES[name].query, QUERIES[name].variables ?? {})] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<OperationName, PreparedRequest>;
}
