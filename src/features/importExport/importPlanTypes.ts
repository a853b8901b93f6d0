import type {
  GroupRow,
  InlinePolicyRow,
  InstanceProfileRow,
  ManagedPolicyRow,
  MembershipRow,
  OrganizationPolicyRow,
  PolicyAttachmentRow,
  ResourceRow,
  RoleRow,
  TagRow,
  UnitRow,
  UserRow,
} from '../../db/modelRowTypes.js';

export type { RowOwner } from '../../db/modelRowTypes.js';

/** When a row was made, where the files say so. */
interface Dated {
  createdAt?: Date;
}

/**
 * The rows one import writes, computed without a database by `planImport` from the files and the catalogue's
 * AWS managed policy ids. Dates are absent when the files carry none (the database then stamps the import time).
 */
export interface ImportRows {
  /** Accounts whose IAM data is replaced (everything they hold is deleted first, their sessions end). */
  replacedAccountIds: string[];
  accounts: { id: string; name: string; email: string | null; alias: string | null }[];
  organization: { id: string; managementAccountId: string } | null;
  /** The root first, then each unit after its parent. */
  units: UnitRow[];
  /** Where each account of the organization sits. */
  placements: { accountId: string; parentId: string }[];
  organizationPolicies: OrganizationPolicyRow[];
  organizationPolicyAttachments: { policyId: string; targetId: string }[];
  /** Customer managed policies, and AWS managed ones the catalogue lacks (accountId null). */
  managedPolicies: (ManagedPolicyRow & Dated & { updatedAt?: Date })[];
  policyVersions: { policyId: string; versionId: string; document: string; isDefault: boolean; createdAt?: Date }[];
  users: (UserRow & Dated)[];
  groups: (GroupRow & Dated)[];
  roles: (RoleRow & Dated)[];
  /** Instance profiles, each holding the role whose InstanceProfileList named it. */
  instanceProfiles: (InstanceProfileRow & Dated & { roleId: string; tags: { key: string; value: string }[] })[];
  memberships: MembershipRow[];
  inlinePolicies: InlinePolicyRow[];
  policyAttachments: PolicyAttachmentRow[];
  resources: (ResourceRow & { policyDocument: string })[];
  tags: TagRow[];
}

/** An AWS managed policy referenced by ARN that the shipped catalogue lacks: reported, and kept (see planImport). */
export interface MissingAwsManagedPolicy {
  arn: string;
  /** The ARNs of the principals that attach it or use it as a boundary. */
  referencedBy: string[];
  /** `file`: its document came from the import's own files; `placeholder`: none given, it grants nothing. */
  source: 'file' | 'placeholder';
}

/** What an import did, for people and scripts. */
export interface ImportSummary {
  organizationId: string | null;
  accounts: {
    accountId: string;
    name: string;
    users: number;
    groups: number;
    roles: number;
    policies: number;
    resources: number;
  }[];
  totals: {
    accounts: number;
    users: number;
    groups: number;
    roles: number;
    policies: number;
    resources: number;
    organizationPolicies: number;
  };
  missingAwsManagedPolicies: MissingAwsManagedPolicy[];
  notes: string[];
}
