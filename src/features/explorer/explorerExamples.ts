import { formatIamArn, formatS3Arn } from '../../iam/index.js';
/**
 * One example operation the explorer opens as a tab. Scenarios supply their own (with real ARNs from their
 * data); `defaultExplorerExamples` is what a bare playground shows.
 */
export interface ExplorerExample {
  /** A short title; shown as the first comment line of the tab. */
  title: string;
  /** One or two sentences on what the operation shows; shown as comment lines under the title. */
  description?: string;
  /** The GraphQL document, with one named operation so GraphiQL names the tab after it. */
  query: string;
  /** Variables for the operation, shown in the variables editor. */
  variables?: Record<string, unknown>;
}

const accountId = '111111111111';
const auditRoleArn = formatIamArn(accountId, 'role', 'Auditor');
const bucketArn = formatS3Arn('example-bucket');

/**
 * The operations a newcomer needs to find their way: assume a role, use the session, simulate a policy, ask
 * who can reach a resource and how a principal reaches a role. The ARNs are placeholders in the shape
 * scenarios use; a seeded scenario replaces the whole list with its own examples.
 */
export const defaultExplorerExamples: readonly ExplorerExample[] = Object.freeze([
  {
    title: 'Assume a role',
    description:
      'Sign in with a user\'s access key in the credentials panel, then run this. "Use these credentials" fills the panel with the session it returns.',
    query: `mutation AssumeRole($roleArn: String!, $roleSessionName: String!) {
  assumeRole(input: { roleArn: $roleArn, roleSessionName: $roleSessionName, durationSeconds: 3600 }) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    assumedRoleUser { arn assumedRoleId }
    sourceIdentity
    packedPolicySize
  }
}`,
    variables: { roleArn: auditRoleArn, roleSessionName: 'explorer' },
  },
  {
    title: 'Who am I?',
    description: 'With a session\'s credentials in the panel this shows the assumed-role ARN, like sts:GetCallerIdentity.',
    query: `query CallerIdentity {
  callerIdentity { userId account arn }
}`,
  },
  {
    title: 'Simulate a policy',
    description: 'Evaluate an identity policy against actions and resources, like iam:SimulateCustomPolicy, with an explanation.',
    query: `query SimulateCustomPolicy($policy: String!) {
  simulateCustomPolicy(input: {
    policyInputList: [$policy]
    actionNames: ["s3:GetObject", "s3:PutObject"]
    resourceArns: ["${bucketArn}/reports/q1.csv"]
  }) {
    evaluationResults {
      evalActionName
      evalResourceName
      evalDecision
      matchedStatements { sourcePolicyId sourcePolicyType startPosition { line column } endPosition { line column } }
      missingContextValues
      explanation
    }
  }
}`,
    variables: {
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn}/*` }],
      }),
    },
  },
  {
    title: 'Who can access a resource?',
    description: 'Every user and role, in every account, that can perform the action on the resource, directly or through role assumptions.',
    query: `query WhoCanAccess($resourceArn: String!, $action: String!) {
  whoCanAccess(resourceArn: $resourceArn, action: $action) {
    principalArn
    principalType
    accountId
    path { callerArn roleArn chained externalIdRequired mfaRequired }
    matchedStatements { sourcePolicyId statementId effect }
  }
}`,
    variables: { resourceArn: bucketArn, action: 's3:ListBucket' },
  },
  {
    title: 'Follow a path',
    description: 'The chains of sts:AssumeRole by which a principal reaches a role, each hop checked on both sides.',
    query: `query AssumeRolePaths($fromArn: String!, $toRoleArn: String!) {
  assumeRolePaths(fromArn: $fromArn, toRoleArn: $toRoleArn, maxDepth: 3) {
    hops { callerArn roleArn chained maxSessionSeconds externalIdRequired mfaRequired }
    maxSessionSeconds
  }
}`,
    variables: { fromArn: formatIamArn(accountId, 'user', 'alice'), toRoleArn: auditRoleArn },
  },
]);
