import type { AuthorizationModel } from './AuthorizationModel.js';
import type { RawAccountSlice, RawOrganizations } from './AuthorizationSnapshot.js';
import { assembleAuthorizationModel } from './assembleAuthorizationModel.js';
import { buildAnalysisAccounts } from './buildAnalysisAccounts.js';
import { compileAccountSlice } from './compileAccountSlice.js';
import { createPolicyTable } from './createPolicyTable.js';

/** Builds a whole model from plain rows in one call: what tests, the benchmark and a full index rebuild use. */
export function buildAuthorizationModel(
  organizations: RawOrganizations,
  slices: readonly RawAccountSlice[],
): AuthorizationModel {
  const invalid: string[] = [];
  const accounts = buildAnalysisAccounts(organizations, invalid);
  const table = createPolicyTable();
  return assembleAuthorizationModel(
    accounts,
    slices.map((slice) => compileAccountSlice(slice, table)),
    invalid,
  );
}
