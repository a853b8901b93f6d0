import type { EngineErrorCode, PolicyType, Position } from '../simulationTypes.js';

/** What a policy is for; decides its grammar (Principal required or forbidden) and its size limit. */
export type PolicyKind = PolicyType;

/** A Principal or NotPrincipal block. `"*"` alone sets `wildcard`. */
export interface PolicyPrincipal {
  wildcard: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

/** One operator/key pair of a Condition block, values as text (JSON numbers and booleans stringified). */
export interface PolicyCondition {
  operator: string;
  key: string;
  values: string[];
  position: Position;
}

/** One statement, with the positions of its opening and closing braces in the policy text. */
export interface PolicyStatement {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  action: string[] | null;
  notAction: string[] | null;
  resource: string[] | null;
  notResource: string[] | null;
  principal: PolicyPrincipal | null;
  notPrincipal: PolicyPrincipal | null;
  conditions: PolicyCondition[];
  start: Position;
  end: Position;
}

/** A parsed policy document. */
export interface Policy {
  version: string | null;
  id: string | null;
  statements: PolicyStatement[];
}

/** A validation fault: stable code, lowercase message with user input in backticks, and where. */
export interface PolicyIssue {
  code: EngineErrorCode;
  message: string;
  position: Position | null;
}

/** Access Analyzer-style findings that do not make a policy invalid. */
export type PolicyWarningCode =
  | 'ForAllValuesWithSingleValuedKey'
  | 'ForAnyValueWithSingleValuedKey'
  | 'AllowWithNotPrincipal'
  | 'UnknownAction'
  | 'UnknownService'
  | 'UnknownConditionKey'
  | 'UnknownGlobalConditionKey';

/** A warning about a valid policy. */
export interface PolicyWarning {
  code: PolicyWarningCode;
  message: string;
  position: Position | null;
}
