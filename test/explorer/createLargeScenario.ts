import type { Scenario, ScenarioAccount } from '../../src/features/scenarios/scenarioTypes.js';

/** The accounts of {@link createLargeScenario}: ten, the first the organization's management account. */
export const largeAccountIds = Array.from({ length: 10 }, (_, i) => String(900000000001 + i));

const units = ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Sandbox'];
const document = (statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statement });

/**
 * An organization big enough to test the graph's layout with (about 300 nodes drawn): ten accounts in four
 * OUs, each with 11 users in 3 groups, 8 roles and 6 buckets. Each account's first group may assume two
 * roles of the account three further on (which trusts it), so roles are assumed across accounts; each
 * bucket's policy lets a role of its account read it. The management account's `admin` may do anything.
 */
export function createLargeScenario(): Scenario {
  const accounts: ScenarioAccount[] = largeAccountIds.map((id, a) => {
    const next = largeAccountIds[(a + 3) % largeAccountIds.length]!;
    const truster = largeAccountIds[(a + 7) % largeAccountIds.length]!;
    return {
      id,
      name: `team-${a}`,
      unit: units[a % units.length],
      groups: [
        {
          name: 'Operators',
          inlinePolicies: {
            AssumeNeighbourRoles: document([
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: [`arn:aws:iam::${next}:role/deployer-0`, `arn:aws:iam::${next}:role/deployer-1`],
              },
            ]),
          },
        },
        { name: 'Developers' },
        { name: 'Readers' },
      ],
      users: [
        ...(a === 0
          ? [
              {
                name: 'admin',
                accessKey: true,
                inlinePolicies: { Everything: document([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
              },
            ]
          : []),
        ...Array.from({ length: a === 0 ? 10 : 11 }, (_, i) => ({
          name: `engineer-${a}-${i}`,
          groups: [['Operators', 'Developers', 'Readers'][i % 3]!],
        })),
      ],
      policies: [
        { name: 'ReadData', document: document([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]) },
      ],
      roles: Array.from({ length: 8 }, (_, i) => ({
        name: `deployer-${i}`,
        trustPolicy: document([
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${truster}:root` }, Action: 'sts:AssumeRole' },
        ]),
        policies: ['ReadData'],
      })),
      resources: Array.from({ length: 6 }, (_, i) => ({
        arn: `arn:aws:s3:::team-${a}-data-${i}`,
        policy: document([
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${id}:role/deployer-${i}` },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::team-${a}-data-${i}/*`,
          },
        ]),
      })),
    };
  });
  return {
    name: 'large-organization',
    title: 'A large organization',
    description: 'Ten accounts of about thirty principals and buckets each, for the graph layout.',
    organization: {
      managementAccount: largeAccountIds[0]!,
      units: [
        { name: 'Security' },
        { name: 'Workloads', units: [{ name: 'Prod' }, { name: 'Dev' }] },
        { name: 'Sandbox' },
      ],
    },
    accounts,
    examples: [{ title: 'Who am I', query: 'query CallerIdentity { callerIdentity { arn } }' }],
    expectations: [
      {
        description: 'the administrator reads a bucket of the management account',
        principal: `arn:aws:iam::${largeAccountIds[0]}:user/admin`,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::team-0-data-2/report.csv',
        decision: 'allowed',
      },
    ],
  };
}
