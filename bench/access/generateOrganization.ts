import type { GeneratedOrganization } from './GeneratedOrganization.js';

/** The size of a synthetic organization. */
export interface OrganizationSize {
  accounts: number;
  usersPerAccount: number;
  rolesPerAccount: number;
  managedPoliciesPerAccount: number;
  resourcesPerAccount: number;
  /** PRNG seed: the same seed and size give the same organization. */
  seed: number;
}

/** The benchmark's organization: 100 accounts, 10,000 users and roles, 30,000 policies, 5,000 resources. */
export const LARGE_ORGANIZATION: OrganizationSize = {
  accounts: 100,
  usersPerAccount: 50,
  rolesPerAccount: 50,
  managedPoliciesPerAccount: 100,
  resourcesPerAccount: 50,
  seed: 42,
};

/** An account outside the organization: the vendor that roles with an ExternalId trust. */
export const VENDOR_ACCOUNT = '999988887777';

const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** mulberry32: a tiny seeded PRNG, so generated organizations are reproducible. */
function createRandom(seed: number): { int(n: number): number; chance(p: number): boolean } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), chance: (p) => next() < p };
}

/**
 * Generates a realistic multi-account organization as rows: an OU tree with SCPs (FullAWSAccess everywhere,
 * deny guardrails on some OUs), and per account users, roles, managed and inline policies, attachments, tags
 * and resources with policies. Roles follow common patterns by index: team roles trusting their own account,
 * service roles, cross-account roles trusting another account (some MFA-gated), vendor roles trusting an
 * outside account with an ExternalId, and chain roles trusting one cross-account role of another account —
 * so user → team role → cross-account role → chain role paths cross three accounts.
 */
export function generateOrganization(size: OrganizationSize): GeneratedOrganization {
  const random = createRandom(size.seed);
  const accountId = (i: number) => String(100000000000 + i);
  const ids = Array.from({ length: size.accounts }, (_, i) => accountId(i));
  const other = (self: number) => (self + 1 + random.int(size.accounts - 1)) % size.accounts;
  const org: GeneratedOrganization = {
    organization: { id: 'o-bench00001', managementAccountId: ids[0]! },
    units: [
      { id: 'r-bnch', parentId: null, name: 'Root' },
      { id: 'ou-bnch-security', parentId: 'r-bnch', name: 'Security' },
      { id: 'ou-bnch-workloads', parentId: 'r-bnch', name: 'Workloads' },
      { id: 'ou-bnch-prod', parentId: 'ou-bnch-workloads', name: 'Prod' },
      { id: 'ou-bnch-dev', parentId: 'ou-bnch-workloads', name: 'Dev' },
      { id: 'ou-bnch-sandbox', parentId: 'r-bnch', name: 'Sandbox' },
    ],
    accounts: ids.map((id, i) => ({
      id,
      name: `account-${i}`,
      parentId:
        i === 0
          ? 'r-bnch'
          : i < 3
            ? 'ou-bnch-security'
            : i % 3 === 0
              ? 'ou-bnch-prod'
              : i % 3 === 1
                ? 'ou-bnch-dev'
                : 'ou-bnch-sandbox',
    })),
    organizationPolicies: [
      {
        id: 'p-fullaccess',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'FullAWSAccess',
        document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      },
      {
        id: 'p-denyleave',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'DenyLeave',
        document: doc([{ Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]),
      },
      {
        id: 'p-sandboxkms',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'SandboxNoKms',
        document: doc([{ Sid: 'NoKms', Effect: 'Deny', Action: 'kms:*', Resource: '*' }]),
      },
      {
        id: 'p-prodnousers',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'ProdNoUsers',
        document: doc([
          { Sid: 'NoUsers', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*' },
        ]),
      },
    ],
    organizationPolicyAttachments: [],
    users: [],
    roles: [],
    managedPolicies: [],
    inlinePolicies: [],
    attachments: [],
    resources: [],
    tags: [],
  };
  const targets = [
    'r-bnch',
    'ou-bnch-security',
    'ou-bnch-workloads',
    'ou-bnch-prod',
    'ou-bnch-dev',
    'ou-bnch-sandbox',
    ...ids,
  ];
  for (const target of targets) org.organizationPolicyAttachments.push({ policyId: 'p-fullaccess', targetId: target });
  org.organizationPolicyAttachments.push(
    { policyId: 'p-denyleave', targetId: 'r-bnch' },
    { policyId: 'p-sandboxkms', targetId: 'ou-bnch-sandbox' },
    { policyId: 'p-prodnousers', targetId: 'ou-bnch-prod' },
  );

  let serial = 0;
  const uid = (prefix: string) => `${prefix}${String(++serial).padStart(17, '0')}`;
  const bucket = (account: string, i: number) => `arn:aws:s3:::b-${account}-${i}`;
  ids.forEach((account, a) => {
    const policyIds: string[] = [];
    for (let i = 0; i < size.managedPoliciesPerAccount; i++) {
      const id = uid('ANPA');
      policyIds.push(id);
      const statements: unknown[] = [
        random.chance(0.5)
          ? {
              Sid: 'ReadBuckets',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::b-${account}-*`],
            }
          : {
              Sid: 'Queues',
              Effect: 'Allow',
              Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
              Resource: `arn:aws:sqs:us-east-1:${account}:*`,
            },
      ];
      if (random.chance(0.3))
        statements.push({ Sid: 'Describe', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' });
      if (random.chance(0.1))
        statements.push({ Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' });
      org.managedPolicies.push({
        id,
        accountId: account,
        name: `mp-${i}`,
        arn: `arn:aws:iam::${account}:policy/mp-${i}`,
        document: doc(statements),
      });
    }
    const attach = (kind: 'USER' | 'ROLE', ownerId: string) => {
      const count = 1 + random.int(2);
      const chosen = new Set<string>();
      for (let k = 0; k < count; k++) chosen.add(policyIds[random.int(policyIds.length)]!);
      for (const policyId of chosen) org.attachments.push({ id: uid('att'), policyId, kind, ownerId });
    };
    const inline = (kind: 'USER' | 'ROLE', ownerId: string, name: string, statements: unknown[]) =>
      org.inlinePolicies.push({ id: uid('inl'), kind, ownerId, name, document: doc(statements) });

    for (let i = 0; i < size.usersPerAccount; i++) {
      const id = uid('AIDA');
      const name = `user-${i}`;
      org.users.push({ id, accountId: account, name, arn: `arn:aws:iam::${account}:user/${name}` });
      const assumable = [
        `arn:aws:iam::${account}:role/team-*`,
        ...(i % 5 === 0 ? [`arn:aws:iam::*:role/xacct-*`] : []),
      ];
      inline('USER', id, 'AssumeRoles', [
        { Sid: 'Assume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: assumable },
      ]);
      inline('USER', id, 'ReadOwn', [
        { Sid: 'ReadOwn', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b-${account}-${i % 10}/*` },
      ]);
      attach('USER', id);
      org.tags.push({ id: uid('tag'), ownerKind: 'user', ownerId: id, key: 'dept', value: `d${i % 4}` });
    }
    for (let i = 0; i < size.rolesPerAccount; i++) {
      const id = uid('AROA');
      const kind = i % 10;
      const name =
        kind <= 2
          ? `team-${i}`
          : kind <= 4
            ? `svc-${i}`
            : kind <= 6
              ? `xacct-${i}`
              : kind === 7
                ? `vendor-${i}`
                : `chain-${i}`;
      let trust: unknown[];
      let permissions: unknown[];
      const peer = accountId(other(a));
      if (kind <= 2) {
        trust = [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }];
        permissions = [
          {
            Sid: 'Work',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: `arn:aws:s3:::b-${account}-*/*`,
          },
          { Sid: 'Hop', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/xacct-*' },
        ];
      } else if (kind <= 4) {
        trust = [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }];
        permissions = [
          { Sid: 'Queue', Effect: 'Allow', Action: 'sqs:*', Resource: `arn:aws:sqs:us-east-1:${account}:*` },
        ];
      } else if (kind <= 6) {
        const condition = kind === 5 ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {};
        trust = [
          {
            Effect: 'Allow',
            Principal: { AWS: [`arn:aws:iam::${peer}:root`, `arn:aws:iam::${accountId(1)}:root`] },
            Action: 'sts:AssumeRole',
            ...condition,
          },
        ];
        permissions = [
          {
            Sid: 'Audit',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: [`arn:aws:s3:::b-${account}-*`, `arn:aws:s3:::b-${account}-*/*`],
          },
          { Sid: 'Chain', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/chain-*' },
        ];
      } else if (kind === 7) {
        trust = [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': `ext-${account}-${i}` } },
          },
        ];
        permissions = [
          { Sid: 'Read', Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::b-${account}-*` },
        ];
      } else {
        const source = 10 * random.int(Math.max(1, Math.floor(size.rolesPerAccount / 10))) + 5 + random.int(2);
        trust = [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${peer}:role/xacct-${source}` },
            Action: 'sts:AssumeRole',
          },
        ];
        permissions = [
          {
            Sid: 'Data',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: `${bucket(account, i % size.resourcesPerAccount)}/*`,
          },
          { Sid: 'Keys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:us-east-1:${account}:key/*` },
        ];
      }
      org.roles.push({
        id,
        accountId: account,
        name,
        arn: `arn:aws:iam::${account}:role/${name}`,
        trust: doc(trust),
        maxSessionDuration: kind <= 2 ? 7200 : 3600,
      });
      inline('ROLE', id, 'Permissions', permissions);
      inline('ROLE', id, 'Logs', [
        { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
      ]);
      attach('ROLE', id);
      org.tags.push({ id: uid('tag'), ownerKind: 'role', ownerId: id, key: 'team', value: `t${i % 5}` });
    }
    for (let i = 0; i < size.resourcesPerAccount; i++) {
      const id = uid('res');
      const peer = accountId(other(a));
      if (i % 5 === 4) {
        const arn = `arn:aws:kms:us-east-1:${account}:key/${id}`;
        const policy = doc([
          {
            Sid: 'Owner',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${account}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'Peer',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${peer}:root` },
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Resource: '*',
          },
        ]);
        org.resources.push({ id, arn, accountId: account, service: 'kms', type: 'key', policy });
        continue;
      }
      const arn = bucket(account, i);
      const statement =
        i % 5 === 0
          ? {
              Sid: 'Org',
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: `${arn}/*`,
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bench00001' } },
            }
          : i % 5 === 1
            ? {
                Sid: 'Peer',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${peer}:root` },
                Action: ['s3:GetObject', 's3:ListBucket'],
                Resource: [arn, `${arn}/*`],
              }
            : {
                Sid: 'Role',
                Effect: 'Allow',
                Principal: {
                  AWS: `arn:aws:iam::${peer}:role/team-${10 * random.int(Math.max(1, Math.floor(size.rolesPerAccount / 10)))}`,
                },
                Action: 's3:GetObject',
                Resource: `${arn}/*`,
              };
      const deny = {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      };
      org.resources.push({
        id,
        arn,
        accountId: account,
        service: 's3',
        type: 'bucket',
        policy: doc([statement, deny]),
      });
      org.tags.push({
        id: uid('tag'),
        ownerKind: 'resource',
        ownerId: id,
        key: 'classification',
        value: i % 2 === 0 ? 'internal' : 'confidential',
      });
    }
  });
  return org;
}
