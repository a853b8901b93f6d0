/**
 * Access analysis over a whole stored model, pure (no I/O): build the model from plain rows
 * (`buildAnalysisAccounts`, `compileAccountSlice`, `assembleAuthorizationModel`), then ask who can act on a
 * resource (`findDirectGrants`, `findWhoCanAccess`), how a principal reaches a role (`createAssumeRoleGraph`,
 * `findAssumeRolePaths`), what outside principals can use (`findExternalAccess`) and what a principal can do
 * (`computeEffectivePermissions`). Every decision is the engine's `evaluateRequest`.
 */
export type * from './AuthorizationModel.js';
export type * from './AuthorizationSnapshot.js';
export { buildAnalysisAccounts } from './buildAnalysisAccounts.js';
export { compileAccountSlice, type AccountSlice } from './compileAccountSlice.js';
export { assembleAuthorizationModel, patchAuthorizationModel } from './assembleAuthorizationModel.js';
export { createPolicyTable, type PolicyTable } from './createPolicyTable.js';
export { createModelState, type ModelChange, type ModelState } from './createModelState.js';
export { findIdentityCandidates, grantKeysOf, type GrantIndex, type SliceGrants } from './createGrantIndex.js';
export {
  ANALYSIS_SESSION_NAME,
  describeSubject,
  describeTarget,
  evaluateAccess,
  type AccessSubject,
  type AccessTarget,
} from './evaluateAccess.js';
export { decidePrincipalAccess, findDirectGrants, type DirectGrant } from './findDirectGrants.js';
export { evaluateAssumeRoleHop, type AssumeRoleHop, type HopRequirements } from './evaluateAssumeRoleHop.js';
export { createAssumeRoleGraph, type AssumeRoleGraph } from './createAssumeRoleGraph.js';
export {
  describePath,
  findAssumeRolePaths,
  PATH_LIMITS,
  ROLE_CHAINING_MAX_SECONDS,
  type PathHop,
  type RolePath,
} from './findAssumeRolePaths.js';
export { findWhoCanAccess, WHO_CAN_ACCESS_MAX_DEPTH, type AccessGrant } from './findWhoCanAccess.js';
export {
  findFederatedAccess,
  findFederatedRolePaths,
  listFederatedTrust,
  type FederatedGrant,
  type FederatedTrust,
} from './findFederatedAccess.js';
export { findExternalAccess, type ExternalAccessFinding, type TrustZone } from './findExternalAccess.js';
export { computeEffectivePermissions, type EffectivePermission } from './computeEffectivePermissions.js';
export { buildAuthorizationModel } from './buildAuthorizationModel.js';
export type * from './AccessGraph.js';
export { buildAccessGraph, type AccessGraphScope } from './buildAccessGraph.js';
