import type { FixtureSpec } from './createFixtureModel.js';

/** Account ids of {@link crossAccountFixture}. */
export const A = '111111111111';
export const B = '222222222222';
export const C = '333333333333';
export const D = '444444444444';
export const E = '555555555555';

const allowAssume = (resource: string) => ({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource });
const trustAccount = (account: string, condition?: unknown) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});

/**
 * The analysis scenarios in one organization (tests only): alice in A reaches `Reader` in C only through
 * `Hop` in B (two hops, three accounts); `Vendor` in C needs an ExternalId; account D sits in an OU whose SCP
 * denies sts:AssumeRole; `Loop1`/`Loop2` in B trust each other; the `shared` bucket in C grants account E.
 */
export const crossAccountFixture: FixtureSpec = {
  organization: {
    id: 'o-fixture0001',
    managementAccountId: A,
    units: [{ id: 'ou-root-restricted' }],
    scps: [
      {
        id: 'p-full',
        statements: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        targets: ['r-root', 'ou-root-restricted', A, B, C, D, E],
      },
      {
        id: 'p-noassume',
        statements: [{ Sid: 'NoAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }],
        targets: ['ou-root-restricted'],
      },
    ],
  },
  accounts: [
    {
      id: A,
      users: [
        {
          name: 'alice',
          policies: [[allowAssume(`arn:aws:iam::${B}:role/Hop`), allowAssume(`arn:aws:iam::${C}:role/Vendor`)]],
        },
        { name: 'bob', policies: [[{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]] },
      ],
    },
    {
      id: B,
      roles: [
        { name: 'Hop', trust: [trustAccount(A)], policies: [[allowAssume(`arn:aws:iam::${C}:role/Reader`)]] },
        {
          name: 'Loop1',
          trust: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/Loop2` }, Action: 'sts:AssumeRole' }],
          policies: [[allowAssume('*')]],
        },
        {
          name: 'Loop2',
          trust: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/Loop1` }, Action: 'sts:AssumeRole' }],
          policies: [[allowAssume('*')]],
        },
      ],
    },
    {
      id: C,
      roles: [
        {
          name: 'Reader',
          trust: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/Hop` }, Action: 'sts:AssumeRole' }],
          policies: [
            [{ Sid: 'ReadData', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-bucket/*' }],
          ],
        },
        {
          name: 'Vendor',
          trust: [trustAccount(A, { StringEquals: { 'sts:ExternalId': 'ext-123' } }), trustAccount(D)],
          policies: [[{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]],
        },
      ],
      resources: [
        { arn: 'arn:aws:s3:::data-bucket', service: 's3', type: 'bucket' },
        {
          arn: 'arn:aws:s3:::shared',
          service: 's3',
          type: 'bucket',
          policy: [
            {
              Sid: 'ShareWithE',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${E}:root` },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::shared/*',
            },
          ],
        },
        // An object stored in its own right, without a policy: its bucket's policy still governs it.
        { arn: 'arn:aws:s3:::shared/file', service: 's3', type: 'object' },
      ],
    },
    {
      id: D,
      parentId: 'ou-root-restricted',
      users: [{ name: 'dave', policies: [[allowAssume('*')]] }],
    },
    {
      id: E,
      users: [
        { name: 'erin', policies: [[{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]] },
        { name: 'eve', policies: [[{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]] },
      ],
    },
  ],
};
