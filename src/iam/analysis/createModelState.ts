import type { AuthorizationModel } from './AuthorizationModel.js';
import type { RawAccountSlice, RawOrganizations } from './AuthorizationSnapshot.js';
import { assembleAuthorizationModel, patchAuthorizationModel } from './assembleAuthorizationModel.js';
import { buildAnalysisAccounts } from './buildAnalysisAccounts.js';
import { compileAccountSlice } from './compileAccountSlice.js';
import { createPolicyTable, type PolicyTable } from './createPolicyTable.js';

/** What applying rows to the model did. */
export interface ModelChange {
  model: AuthorizationModel;
  /** Whether the organizations (OUs, accounts, SCPs, RCPs) differ from the previous model's. */
  organizationsChanged: boolean;
}

/**
 * The authorization index's model over time, without I/O: a full build from every row, then changes applied an
 * account at a time. Compiled policies are shared by content through one policy table for the state's life (a
 * full build starts a new one, which also drops contents no longer used); organization facts are rebuilt only
 * when their rows changed, so cached per-principal facts survive a write to one account.
 */
export interface ModelState {
  readonly model: AuthorizationModel | null;
  /** Builds the model from every row. */
  rebuild(organizations: RawOrganizations, slices: readonly RawAccountSlice[]): ModelChange;
  /**
   * Applies the current organization rows and the rows of the accounts that changed (an account with no rows
   * left is given as an empty slice); accounts no longer in the organization rows are dropped.
   */
  apply(organizations: RawOrganizations, changed: readonly RawAccountSlice[]): ModelChange;
}

/** Creates a state holding no model yet. */
export function createModelState(): ModelState {
  let model: AuthorizationModel | null = null;
  let table: PolicyTable = createPolicyTable();
  let organizationsKey = '';
  let invalidOrganizationPolicies: string[] = [];

  const accountsFor = (organizations: RawOrganizations) => {
    const key = JSON.stringify(organizations);
    if (model !== null && key === organizationsKey) return { accounts: model.accounts, changed: false };
    organizationsKey = key;
    invalidOrganizationPolicies = [];
    return { accounts: buildAnalysisAccounts(organizations, invalidOrganizationPolicies), changed: true };
  };

  return {
    get model() {
      return model;
    },
    rebuild(organizations, slices) {
      table = createPolicyTable();
      model = null;
      const { accounts } = accountsFor(organizations);
      model = assembleAuthorizationModel(
        accounts,
        slices.map((slice) => compileAccountSlice(slice, table)),
        invalidOrganizationPolicies,
      );
      return { model, organizationsChanged: true };
    },
    apply(organizations, changed) {
      if (model === null) return this.rebuild(organizations, changed);
      const { accounts, changed: organizationsChanged } = accountsFor(organizations);
      const known = new Set(organizations.accounts.map((account) => account.id));
      const removed = [...model.slices.keys()].filter((id) => !known.has(id));
      const kept = changed.filter((slice) => known.has(slice.accountId));
      model = patchAuthorizationModel(
        model,
        accounts,
        kept.map((slice) => compileAccountSlice(slice, table)),
        removed,
        invalidOrganizationPolicies,
      );
      return { model, organizationsChanged };
    },
  };
}
