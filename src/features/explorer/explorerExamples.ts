// The explorer's browser bundle imports this file: take the ARN module alone, not the whole engine.
import { formatIamArn, formatS3Arn } from '../../iam/arn/formatArns.js';
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

/** The scenario whose ARNs the default examples use, so they run as they open once it is loaded. */
export const defaultExampleScenario = 'cross-account-auditor';

/**
 * What a start without a scenario says (in the start-up log and on the explorer page): how to load the one the
 * default tabs are written for, and where to find the others.
 */
export const noScenarioHint =
  `no scenario loaded: the explorer's tabs use the ARNs of \`${defaultExampleScenario}\`. ` +
  `Load it with \`SEED=${defaultExampleScenario} npm start\` (or \`npm run seed -- ${defaultExampleScenario}\` while the server is stopped) ` +
  `and sign in as alice with the key it prints; \`npm run seed -- --list\` lists every scenario.`;

const security = '100000000001';
const devAuditRoleArn = formatIamArn('100000000003', 'role', 'SecurityAudit');
const prodAuditRoleArn = formatIamArn('100000000002', 'role', 'SecurityAudit');
const aliceArn = formatIamArn(security, 'user', 'alice');
const malloryArn = formatIamArn(security, 'user', 'mallory');
const ledgerArn = formatS3Arn('auditor-prod-ledger', '2026/q1.csv');

/**
 * The operations a newcomer needs to find their way: assume a role, use the session, ask the simulator why,
 * ask who can reach a resource and how a principal reaches a role. Their ARNs are those of the
 * `cross-account-auditor` scenario, so every tab runs as it opens once that scenario is loaded (signed in as
 * alice); a seeded scenario replaces the whole list with its own examples.
 */
export const defaultExplorerExamples: readonly ExplorerExample[] = Object.freeze([
  {
    title: 'Assume a role',
    description:
      'Signed in as alice (security account), assume the audit role in the dev account. "Use these credentials" fills the panel with the session it returns.',
    query: `mutation AssumeRole($roleArn: String!, $roleSessionName: String!) {
  assumeRole(input: { roleArn: $roleArn, roleSessionName: $roleSessionName, durationSeconds: 3600 }) {
    credentials { accessKeyId secretAccessKey sessionToken expiration }
    assumedRoleUser { arn assumedRoleId }
    sourceIdentity
    packedPolicySize
  }
}`,
    variables: { roleArn: devAuditRoleArn, roleSessionName: 'alice' },
  },
  {
    title: 'Who am I?',
    description:
      "With a session's credentials in the panel this shows the assumed-role ARN, like sts:GetCallerIdentity.",
    query: `query CallerIdentity {
  callerIdentity { userId account arn }
}`,
  },
  {
    title: "Why can't mallory assume the audit role?",
    description:
      'Ask the policy simulator, like iam:SimulatePrincipalPolicy: the decision, the statements that made it and an explanation.',
    query: `query WhyNot($policySourceArn: String!, $actionNames: [String!]!, $resourceArns: [String!]) {
  simulatePrincipalPolicy(input: { policySourceArn: $policySourceArn, actionNames: $actionNames, resourceArns: $resourceArns }) {
    evaluationResults {
      evalActionName
      evalResourceName
      evalDecision
      matchedStatements { sourcePolicyId sourcePolicyType statementId startPosition { line column } endPosition { line column } }
      missingContextValues
      explanation
    }
  }
}`,
    variables: { policySourceArn: malloryArn, actionNames: ['sts:AssumeRole'], resourceArns: [devAuditRoleArn] },
  },
  {
    title: 'Who can access a resource?',
    description:
      'Every user and role, in every account, that can perform the action on the resource, directly or through role assumptions.',
    query: `query WhoCanAccess($resourceArn: String!, $action: String!) {
  whoCanAccess(resourceArn: $resourceArn, action: $action) {
    principalArn
    principalType
    accountId
    path { callerArn roleArn chained externalIdRequired mfaRequired }
    matchedStatements { sourcePolicyId statementId effect }
  }
}`,
    variables: { resourceArn: ledgerArn, action: 's3:GetObject' },
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
    variables: { fromArn: aliceArn, toRoleArn: prodAuditRoleArn },
  },
]);
