/**
 * The stored model as plain rows, the input of the analysis layer: what the access feature's bulk loader
 * reads from the database in a bounded number of statements, and what the benchmark and tests build by hand.
 * Policies are text here; compiling them is the analysis layer's job.
 */

/** A policy's text and the id the analysis reports it under (a managed policy ARN, an SCP id, ...). */
export interface RawPolicy {
  id: string;
  document: string;
}

/** An organization, its OU tree and the accounts in it. */
export interface RawOrganizations {
  organizations: { id: string; managementAccountId: string }[];
  /** The root (`r-…`, parentId null) and the OUs. */
  units: { id: string; organizationId: string; parentId: string | null }[];
  /** Every account; organizationId null for standalone accounts. */
  accounts: { id: string; organizationId: string | null; parentId: string | null }[];
  /** SCPs and RCPs with the targets (root, OU or account ids) they are attached to. */
  organizationPolicies: (RawPolicy & { organizationId: string; type: 'SCP' | 'RCP'; targetIds: string[] })[];
}

/** A user with its inline, managed and group policies already gathered. */
export interface RawUser {
  id: string;
  arn: string;
  name: string;
  accountId: string;
  tags: Record<string, string>;
  policies: RawPolicy[];
  boundary: RawPolicy | null;
}

/** A role with its trust policy and its inline and managed policies. */
export interface RawRole extends Omit<RawUser, 'policies'> {
  policies: RawPolicy[];
  trustDocument: string;
  maxSessionDuration: number;
}

/** A resource with its resource-based policy, if any. */
export interface RawResource {
  arn: string;
  accountId: string;
  service: string;
  resourceType: string;
  policyDocument: string | null;
  tags: Record<string, string>;
}

/** Everything stored in one account that the analysis needs; the unit of incremental rebuilds. */
export interface RawAccountSlice {
  accountId: string;
  users: RawUser[];
  roles: RawRole[];
  resources: RawResource[];
}
