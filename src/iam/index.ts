/**
 * The policy engine's only door: pure functions over plain data, no I/O.
 *
 * How to call the engine:
 * - To answer "may this principal do this action on that resource?" from a service: compile each policy once
 *   with `compilePolicy(text, kind, sourcePolicyId)` (cached by content), describe the principal and resource,
 *   and call `evaluateRequest({ action, principal, resource, identityPolicies, permissionsBoundary,
 *   sessionPolicies, scpLevels, rcpLevels, resourcePolicy, context })`. Build `context` from caller-supplied
 *   entries with `createContextFromEntries`; global keys (aws:PrincipalArn, aws:CurrentTime, tags, ...) are
 *   derived from the principal and resource unless supplied.
 * - To simulate like IAM's SimulateCustomPolicy: `simulate(input, { now })` — a thin layer over
 *   `evaluateRequest`, returning `{ ok: false, errors }` instead of throwing on bad input.
 * - To check a policy before storing it: `validatePolicy(text, kind)` → `{ errors, warnings }`.
 * - AWS's vocabulary (generated at build time from pinned data packages): `findAction`, `findService`,
 *   `listAllActions`, `checkConditionKey`, `isRcpSupportedService` (which services RCPs govern), and every AWS
 *   managed policy at its default version: `findAwsManagedPolicy`, `listAwsManagedPolicies`.
 * - ARNs: every ARN the product builds comes from `arn/formatArns.ts` (`formatIamArn`, `formatRootArn`,
 *   `formatOrganization*Arn`, `formatS3Arn`, ...); parsing: `parseArn`, `formatArn`, `parsePrincipal`, `parseResourceArn`, `formatRoleSessionArn`,
 *   `isSessionOfRole`, `roleArnFromSessionArn`.
 */
export { formatArn, isAccountId, parseArn, type Arn } from './arn/parseArn.js';
export { parsePrincipal, type PrincipalKind, type PrincipalName } from './arn/parsePrincipal.js';
export {
  formatAnalyzerArn,
  formatAwsManagedPolicyArn,
  formatFederatedUserArn,
  formatIamArn,
  formatKmsKeyArn,
  formatOrganizationAccountArn,
  formatOrganizationArn,
  formatOrganizationPolicyArn,
  formatOrganizationUnitArn,
  formatRootArn,
  formatS3Arn,
  type IamEntityKind,
  type OrganizationPolicyKind,
} from './arn/formatArns.js';
export { parseResourceArn, type ResourceName } from './arn/parseResourceArn.js';
export { describeResourceArn } from './arn/describeResourceArn.js';
export { formatRoleSessionArn, isSessionOfRole, roleArnFromSessionArn } from './arn/roleSessionArn.js';
export type { ContextValue, RequestContext } from './conditions/RequestContext.js';
export {
  compilePolicy,
  type CompiledPolicy,
  type CompiledStatement,
  type CompilePolicyResult,
} from './evaluate/compilePolicy.js';
export { compileStoredPolicy, INVALID_STORED_POLICY_SID } from './evaluate/compileStoredPolicy.js';
export { createContextFromEntries, type ContextFromEntries } from './evaluate/createContextFromEntries.js';
export {
  createPrincipalFromArn,
  DEFAULT_SIMULATION_ACCOUNT,
  parseResourceOwner,
} from './evaluate/createPrincipalFromArn.js';
export type { EnginePrincipal, EngineRequest, EngineResource } from './evaluate/EngineRequest.js';
export { evaluateRequest, type EvaluateOptions } from './evaluate/evaluateRequest.js';
export { simulate } from './evaluate/simulate.js';
export { listContextKeys } from './evaluate/listContextKeys.js';
export {
  isGovernedByResourceControlPolicies,
  isServiceGovernedByResourceControlPolicies,
} from './evaluate/resourceControlPolicyScope.js';
export type { PrincipalIdentity, PrincipalMatch } from './match/matchPrincipal.js';
export { parsePolicy, type ParsePolicyResult } from './policy/parsePolicy.js';
export type {
  Policy,
  PolicyCondition,
  PolicyIssue,
  PolicyKind,
  PolicyPrincipal,
  PolicyStatement,
  PolicyWarning,
  PolicyWarningCode,
} from './policy/Policy.js';
export { countPolicyCharacters, validatePolicy, type PolicyValidation } from './policy/validatePolicy.js';
export { listNamedPrincipals } from './policy/listNamedPrincipals.js';
export { replaceNamedPrincipals } from './policy/replaceNamedPrincipals.js';
export { isPrincipalUniqueId } from './arn/isPrincipalUniqueId.js';
export { POLICY_KIND_RULES, type PolicyKindRules } from './policy/policyKindRules.js';
export {
  checkConditionKey,
  findAction,
  findService,
  getCatalogueSource,
  isRcpSupportedService,
  listAllActions,
  listRcpSupportedServices,
  listServicePrefixes,
  type AccessLevel,
  type CatalogueAction,
  type CatalogueService,
} from './catalogue/awsServiceCatalogue.js';
export {
  awsManagedPolicyId,
  findAwsManagedPolicy,
  findAwsManagedPolicyById,
  getManagedPolicySource,
  isAwsManagedPolicyArn,
  listAwsManagedPolicies,
  type AwsManagedPolicy,
} from './catalogue/awsManagedPolicies.js';
export {
  isAwsManagedKmsAlias,
  isProtectedRole,
  isReservedTagKey,
  refuseAwsManagedKmsAliasWrite,
  refuseAwsManagedPolicyWrite,
  refuseProtectedRoleWrite,
  type Refusal,
} from './rules/protectedEntities.js';
export { refuseRootAssumeRole, refuseTemporaryCredentialsAction, type StsCaller } from './rules/stsCallerRules.js';
export type * from './simulationTypes.js';
export * from './sts/index.js';
export * from './federation/index.js';
export * from './serviceRoles/index.js';
