/**
 * The public shapes of the policy simulator (`simulate`), mirroring `Query.simulateCustomPolicy` in
 * schema.graphql and AWS's SimulateCustomPolicy. These are the contract between the engine, the GraphQL
 * layer, the conformance corpus (test/cases) and the benchmark: change them only together.
 *
 * Policy ids (`sourcePolicyId`) name where a policy came from in the input, 1-based like AWS's
 * `PolicyInputList.1`:
 * - identity policies: `PolicyInputList.N`
 * - permissions boundaries: `PermissionsBoundaryPolicyInputList.N`
 * - the session policy: `SessionPolicy`
 * - SCPs: `OrganizationPolicyInputList.L.N` (level L: 1 = root, then each OU, the account last)
 * - RCPs: `ResourceControlPolicyInputList.L.N`; the implied RCPFullAWSAccess is `RCPFullAWSAccess`
 * - the resource policy: `ResourcePolicy`
 */

/** The three outcomes AWS's simulator reports. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Where a policy sits in the evaluation. */
export type PolicyType = 'identity' | 'permissionsBoundary' | 'session' | 'scp' | 'rcp' | 'resource' | 'trust';

/** The value types AWS's simulator accepts for context entries. */
export type ContextKeyType =
  | 'string'
  | 'stringList'
  | 'numeric'
  | 'numericList'
  | 'boolean'
  | 'booleanList'
  | 'ip'
  | 'ipList'
  | 'binary'
  | 'binaryList'
  | 'date'
  | 'dateList';

/** One request context key supplied by the caller. `type` is inferred when absent. */
export interface ContextEntry {
  key: string;
  values: string[];
  type?: ContextKeyType | null;
}

/** The input of SimulateCustomPolicy, extended with session policies, SCP/RCP levels and a caller ARN. */
export interface SimulateCustomPolicyInput {
  policyInputList: string[];
  permissionsBoundaryPolicyInputList?: string[] | null;
  sessionPolicy?: string | null;
  organizationPolicyInputList?: string[][] | null;
  resourceControlPolicyInputList?: string[][] | null;
  actionNames: string[];
  /** Defaults to `["*"]`. */
  resourceArns?: string[] | null;
  resourcePolicy?: string | null;
  /** An account id or `arn:aws:iam::ID:root`; defaults to the caller's account. */
  resourceOwner?: string | null;
  /** Any principal ARN, an account id, or a service principal such as `lambda.amazonaws.com`. */
  callerArn?: string | null;
  contextEntries?: ContextEntry[] | null;
}

/** A 1-based line/column position in a policy's JSON text. */
export interface Position {
  line: number;
  column: number;
}

/** A statement that decided the outcome. */
export interface MatchedStatement {
  sourcePolicyId: string;
  sourcePolicyType: PolicyType;
  /** The statement's `Sid`, when it has one. */
  statementId: string | null;
  /** 0-based index of the statement in its policy. */
  statementIndex: number;
  effect: 'Allow' | 'Deny';
  startPosition: Position;
  endPosition: Position;
}

/** The decision of one policy type on its own (AWS's EvalDecisionDetails, extended). */
export interface PolicyTypeDecision {
  policyType: PolicyType;
  decision: Decision;
}

/** Why one statement did or did not apply to the request. */
export type StatementOutcome =
  'matched' | 'actionNotMatched' | 'resourceNotMatched' | 'principalNotMatched' | 'conditionNotMatched';

/** The explanation of one statement, built in the same pass as the decision. */
export interface StatementExplanation {
  statementIndex: number;
  statementId: string | null;
  effect: 'Allow' | 'Deny';
  outcome: StatementOutcome;
  /** For `conditionNotMatched`: the operator and key that failed, e.g. `StringEquals` on `aws:username`. */
  failedCondition: { operator: string; key: string; missingKey: boolean } | null;
}

/** The explanation of one policy. */
export interface PolicyExplanation {
  sourcePolicyId: string;
  sourcePolicyType: PolicyType;
  decision: Decision;
  statements: StatementExplanation[];
}

/** The outcome for one (action, resource) pair. */
export interface EvaluationResult {
  evalActionName: string;
  evalResourceName: string;
  evalDecision: Decision;
  /** Deny statements that matched for `explicitDeny`; the Allow statements that granted for `allowed`; empty otherwise. */
  matchedStatements: MatchedStatement[];
  /** Condition keys a statement referenced that the request context did not hold. */
  missingContextValues: string[];
  /** null when no SCPs were supplied. */
  allowedByOrganizations: boolean | null;
  /** null when no RCPs were supplied (RCPFullAWSAccess alone always allows). */
  allowedByResourceControlPolicies: boolean | null;
  /** null when no permissions boundary was supplied. */
  allowedByPermissionsBoundary: boolean | null;
  /** null when no session policy was supplied. */
  allowedBySessionPolicy: boolean | null;
  /** Whether the principal's and the resource's accounts differ. */
  crossAccount: boolean;
  evalDecisionDetails: PolicyTypeDecision[];
  policies: PolicyExplanation[];
  /** A sentence a person can read, e.g. "denied: no statement in the identity policies allows `s3:GetObject`". */
  explanation: string;
}

/** The output of a simulation: one result per (action, resource) pair, actions outermost. */
export interface SimulationResult {
  evaluationResults: EvaluationResult[];
}

/** Stable error codes of the engine; they are AWS's where AWS has one. */
export type EngineErrorCode = 'MalformedPolicyDocument' | 'ValidationError';

/** A fault in the input, as data. Messages are lowercase, no final period, user input in backticks. */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** Which input held the fault, e.g. `PolicyInputList.2`, `contextEntries.0`, `callerArn`. */
  source: string;
  position: Position | null;
}

/** What `simulate` returns: a result, or the faults that stopped it. It never throws on user input. */
export type SimulateOutcome = { ok: true; result: SimulationResult } | { ok: false; errors: EngineError[] };
