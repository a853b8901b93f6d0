import {
  compilePolicy,
  createContextFromEntries,
  findAwsManagedPolicy,
  type CompiledPolicy,
  type ContextEntry,
  type EngineRequest,
  type PolicyKind,
} from '../../src/iam/index.js';

const ACCOUNT = '123456789012';
const pol = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Compiles a policy the benchmark relies on; a failure here is a bug in the benchmark, so it throws. */
function compile(text: string, kind: PolicyKind, id: string): CompiledPolicy {
  const result = compilePolicy(text, kind, id);
  if (!result.ok) throw new Error(`benchmark policy ${id} does not compile: ${result.errors[0]?.message}`);
  return result.policy;
}

function context(entries: ContextEntry[]): EngineRequest['context'] {
  const result = createContextFromEntries(entries);
  if (!result.ok) throw new Error('benchmark context is invalid');
  return result.context;
}

/** A realistic identity policy of 10 statements: wildcards in actions and resources, several condition families. */
const TEN_STATEMENTS = pol(
  { Sid: 'ReadAll', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: 'arn:aws:s3:::data-*/*' },
  { Sid: 'Home', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
  {
    Sid: 'Tables',
    Effect: 'Allow',
    Action: 'dynamodb:*Item',
    Resource: `arn:aws:dynamodb:*:${ACCOUNT}:table/prod-*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  },
  {
    Sid: 'Ec2Small',
    Effect: 'Allow',
    Action: 'ec2:RunInstances',
    Resource: '*',
    Condition: { StringLike: { 'ec2:InstanceType': ['t3.*', 't4g.*'] } },
  },
  {
    Sid: 'Office',
    Effect: 'Allow',
    Action: 'ec2:Describe*',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] } },
  },
  {
    Sid: 'Queues',
    Effect: 'Allow',
    Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
    Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs-?`,
  },
  {
    Sid: 'Window',
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: '*',
    Condition: {
      DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      NumericLessThanEquals: { 's3:max-keys': '100' },
    },
  },
  { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
  {
    Sid: 'TlsOnly',
    Effect: 'Deny',
    Action: 's3:*',
    Resource: '*',
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
  {
    Sid: 'Tags',
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  },
);
const RESOURCE_POLICY = pol(
  {
    Sid: 'Reader',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::data-lake/*',
  },
  {
    Sid: 'Org',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: 'arn:aws:s3:::data-lake/*',
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } },
  },
);
const SCP = pol(
  { Effect: 'Allow', Action: '*', Resource: '*' },
  {
    Effect: 'Deny',
    NotAction: ['iam:*', 'sts:*'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
  },
);

const REGION: ContextEntry = { key: 'aws:RequestedRegion', values: ['us-east-1'] };

/** Scenario (a)'s (action, resource, context) mix: allowed, explicitly denied and unmatched requests. */
const QUESTIONS: { action: string; resource: string; entries: ContextEntry[] }[] = [
  {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::data-lake/reports/2024.csv',
    entries: [
      { key: 'aws:PrincipalOrgID', values: ['o-abc123'] },
      { key: 'aws:SecureTransport', values: ['true'], type: 'boolean' },
      REGION,
    ],
  },
  {
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::home/alice/notes.txt',
    entries: [{ key: 'aws:SecureTransport', values: ['true'], type: 'boolean' }, REGION],
  },
  {
    action: 'dynamodb:GetItem',
    resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/prod-orders`,
    entries: [{ key: 'aws:PrincipalTag/team', values: ['blue'] }, REGION],
  },
  { action: 'ec2:RunInstances', resource: '*', entries: [{ key: 'ec2:InstanceType', values: ['t3.micro'] }, REGION] },
  {
    action: 'ec2:DescribeInstances',
    resource: '*',
    entries: [{ key: 'aws:SourceIp', values: ['10.1.2.3'], type: 'ip' }, REGION],
  },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, entries: [REGION] },
  {
    action: 'sqs:SendMessage',
    resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs-7`,
    entries: [{ key: 'aws:RequestedRegion', values: ['ap-south-1'] }],
  },
  {
    action: 'lambda:InvokeFunction',
    resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`,
    entries: [{ key: 's3:max-keys', values: ['50'], type: 'numeric' }, REGION],
  },
];

/**
 * Scenario (a): a user with one 10-statement identity policy, a bucket policy and one SCP level, every policy
 * compiled once up front. Returns the prepared requests to cycle through.
 */
export function createIdentityResourceScpRequests(): EngineRequest[] {
  const identity = compile(TEN_STATEMENTS, 'identity', 'PolicyInputList.1');
  const resourcePolicy = compile(RESOURCE_POLICY, 'resource', 'ResourcePolicy');
  const scp = compile(SCP, 'scp', 'OrganizationPolicyInputList.1.1');
  return QUESTIONS.map((q) => ({
    action: q.action,
    principal: { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, account: ACCOUNT, type: 'User', username: 'alice' },
    resource: { arn: q.resource, account: ACCOUNT, kind: 'other' },
    identityPolicies: [identity],
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [[scp]],
    rcpLevels: [],
    resourcePolicy: q.resource.startsWith('arn:aws:s3:::data-lake') ? resourcePolicy : null,
    context: context(q.entries),
    now: new Date('2026-01-01T00:00:00Z'),
  }));
}

/** Scenario (b): a role session whose role has 20 attached policies of 5 statements each (100 statements). */
export function createTwentyPolicyRoleRequests(): EngineRequest[] {
  const services = ['s3', 'dynamodb', 'ec2', 'sqs', 'sns', 'lambda', 'kms', 'logs', 'cloudwatch', 'ecr'];
  const policies = Array.from({ length: 20 }, (_, p) => {
    const service = services[p % services.length]!;
    const text = pol(
      {
        Effect: 'Allow',
        Action: [`${service}:Get*`, `${service}:List*`],
        Resource: `arn:aws:${service}:*:${ACCOUNT}:*team${p}*`,
      },
      {
        Effect: 'Allow',
        Action: `${service}:Describe*`,
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      },
      {
        Effect: 'Allow',
        Action: `${service}:Put*`,
        Resource: '*',
        Condition: { StringEquals: { [`aws:ResourceTag/owner${p}`]: '${aws:PrincipalTag/team}' } },
      },
      {
        Effect: 'Allow',
        Action: `${service}:Tag*`,
        Resource: '*',
        Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['cost*'] } },
      },
      {
        Effect: 'Deny',
        Action: `${service}:Delete*`,
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    );
    return compile(text, 'identity', `PolicyInputList.${p + 1}`);
  });
  const questions: typeof QUESTIONS = [
    { action: 's3:GetObject', resource: `arn:aws:s3:us-east-1:${ACCOUNT}:bucket-team10-logs`, entries: [] },
    { action: 'dynamodb:DescribeTable', resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t`, entries: [REGION] },
    {
      action: 'sqs:PutQueueAttributes',
      resource: '*',
      entries: [
        { key: 'aws:ResourceTag/owner13', values: ['blue'] },
        { key: 'aws:PrincipalTag/team', values: ['blue'] },
      ],
    },
    {
      action: 'sns:TagResource',
      resource: '*',
      entries: [{ key: 'aws:TagKeys', values: ['env', 'costcenter'], type: 'stringList' }],
    },
    {
      action: 'kms:DeleteAlias',
      resource: '*',
      entries: [{ key: 'aws:MultiFactorAuthPresent', values: ['false'], type: 'boolean' }],
    },
    { action: 'ecr:BatchGetImage', resource: '*', entries: [] },
    { action: 'logs:GetLogEvents', resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:other`, entries: [] },
    ...QUESTIONS.slice(0, 1),
  ];
  return questions.map((q) => ({
    action: q.action,
    principal: {
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Worker/s1`,
      account: ACCOUNT,
      type: 'AssumedRole',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/Worker`,
    },
    resource: { arn: q.resource, account: ACCOUNT, kind: 'other' },
    identityPolicies: policies,
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [],
    rcpLevels: [],
    resourcePolicy: null,
    context: context(q.entries),
    now: new Date('2026-01-01T00:00:00Z'),
  }));
}

/** The inputs of `simulate` for scenario (a), to measure the uncompiled door relying on the compile cache. */
export function createSimulateInputs() {
  return QUESTIONS.map((q) => ({
    policyInputList: [TEN_STATEMENTS],
    organizationPolicyInputList: [[SCP]],
    resourcePolicy: q.resource.startsWith('arn:aws:s3:::data-lake') ? RESOURCE_POLICY : null,
    callerArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    actionNames: [q.action],
    resourceArns: [q.resource],
    contextEntries: q.entries,
  }));
}

/**
 * Scenario (c): a role session with AWS's real ReadOnlyAccess (thousands of action patterns) and
 * AdministratorAccess attached, from the shipped catalogue: every statement of both is evaluated per decision
 * (explicit denies are looked for everywhere), so this measures compiled action lists.
 */
export function createRealManagedPolicyRequests(): EngineRequest[] {
  const policies = ['ReadOnlyAccess', 'AdministratorAccess'].map((name) => {
    const policy = findAwsManagedPolicy(`arn:aws:iam::aws:policy/${name}`);
    if (policy === null) throw new Error(`the catalogue has no ${name}`);
    return compile(policy.document, 'identity', policy.arn);
  });
  const readOnlyOnly = [policies[0]!];
  const questions = [
    { action: 'ec2:DescribeInstances', resource: '*' },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::data-lake/reports/2024.csv' },
    { action: 'dynamodb:PutItem', resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t` },
    { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/bob` },
    { action: 'bedrock:InvokeModel', resource: '*' },
    { action: 'cloudwatch:GetMetricData', resource: '*' },
  ];
  return questions.flatMap((q, i) => ({
    action: q.action,
    principal: {
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/s1`,
      account: ACCOUNT,
      type: 'AssumedRole' as const,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/Auditor`,
    },
    resource: { arn: q.resource, account: ACCOUNT, kind: 'other' as const },
    // Half the questions with both policies, half with ReadOnlyAccess alone (where misses dominate).
    identityPolicies: i % 2 === 0 ? policies : readOnlyOnly,
    permissionsBoundary: null,
    sessionPolicies: null,
    scpLevels: [],
    rcpLevels: [],
    resourcePolicy: null,
    context: context([REGION]),
    now: new Date('2026-01-01T00:00:00Z'),
  }));
}
