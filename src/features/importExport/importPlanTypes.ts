/** Who an inline policy, attachment or tag belongs to: exactly one of them is set. */
export interface RowOwner {
  userId?: string;
  groupId?: string;
  roleId?: string;
  resourceId?: string;
}

type Kind = 'USER' | 'GROUP' | 'ROLE';

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
  units: { id: string; organizationId: string; parentId: string | null; name: string }[];
  /** Where each account of the organization sits. */
  placements: { accountId: string; parentId: string }[];
  organizationPolicies: {
    id: string;
    organizationId: string;
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
    name: string;
    description: string;
    document: string;
    awsManaged: boolean;
  }[];
  organizationPolicyAttachments: { policyId: string; targetId: string }[];
  /** Customer managed policies, and AWS managed ones the catalogue lacks (accountId null). */
  managedPolicies: {
    id: string;
    accountId: string | null;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    description: string;
    createdAt?: Date;
    updatedAt?: Date;
  }[];
  policyVersions: { policyId: string; versionId: string; document: string; isDefault: boolean; createdAt?: Date }[];
  users: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    permissionsBoundaryId: string | null;
    createdAt?: Date;
  }[];
  groups: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    createdAt?: Date;
  }[];
  roles: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    description: string;
    assumeRolePolicyDocument: string;
    maxSessionDuration: number;
    permissionsBoundaryId: string | null;
    createdAt?: Date;
  }[];
  /** Instance profiles, each holding the role whose InstanceProfileList named it. */
  instanceProfiles: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    roleId: string;
    tags: { key: string; value: string }[];
    createdAt?: Date;
  }[];
  memberships: { userId: string; groupId: string }[];
  inlinePolicies: (RowOwner & { principalKind: Kind; name: string; nameKey: string; document: string })[];
  policyAttachments: (RowOwner & { policyId: string; principalKind: Kind })[];
  resources: {
    id: string;
    arn: string;
    accountId: string;
    service: string;
    resourceType: string;
    policyDocument: string;
  }[];
  tags: (RowOwner & { key: string; keyLower: string; value: string })[];
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
