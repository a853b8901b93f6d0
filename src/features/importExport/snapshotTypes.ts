/**
 * The import/export feature's in-memory form of an organization: what the AWS CLI's outputs say, decoded and
 * checked, before it becomes rows (import) or after it was read from rows (export). Policy documents are JSON
 * text; dates are ISO-8601 strings as the CLI prints them.
 */

/** A policy embedded in a user, group or role (`UserPolicyList` and friends). */
export interface InlinePolicySnapshot {
  name: string;
  document: string;
}

/** A managed policy attached to a user, group or role, by ARN. */
export interface AttachedPolicySnapshot {
  name: string;
  arn: string;
}

/** A tag as IAM prints it. */
export interface TagSnapshot {
  Key: string;
  Value: string;
}

/** An IAM user (`UserDetailList[]`). */
export interface UserSnapshot {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: string | null;
  inlinePolicies: InlinePolicySnapshot[];
  groups: string[];
  attachedPolicies: AttachedPolicySnapshot[];
  permissionsBoundaryArn: string | null;
  tags: TagSnapshot[];
}

/** An IAM group (`GroupDetailList[]`). */
export interface GroupSnapshot {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: string | null;
  inlinePolicies: InlinePolicySnapshot[];
  attachedPolicies: AttachedPolicySnapshot[];
}

/** An IAM role (`RoleDetailList[]`, with `list-roles`' description and maximum session duration when given). */
export interface RoleSnapshot {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: string | null;
  trustPolicy: string;
  description: string;
  maxSessionDuration: number;
  inlinePolicies: InlinePolicySnapshot[];
  attachedPolicies: AttachedPolicySnapshot[];
  permissionsBoundaryArn: string | null;
  tags: TagSnapshot[];
  /** The instance profiles holding the role (`InstanceProfileList[]`): IAM lets a profile hold one role. */
  instanceProfiles: InstanceProfileSnapshot[];
}

/** An instance profile as a role's `InstanceProfileList[]` carries it. */
export interface InstanceProfileSnapshot {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: string | null;
  tags: TagSnapshot[];
}

/** One version of a managed policy (`PolicyVersionList[]`). */
export interface PolicyVersionSnapshot {
  versionId: string;
  document: string;
  isDefault: boolean;
  createDate: string | null;
}

/** A managed policy (`Policies[]`): a customer managed one, or an AWS managed one the file carries. */
export interface ManagedPolicySnapshot {
  id: string;
  name: string;
  path: string;
  arn: string;
  description: string;
  createDate: string | null;
  updateDate: string | null;
  versions: PolicyVersionSnapshot[];
}

/** A resource-based policy read from a service's own command (get-bucket-policy, get-key-policy, …). */
export interface ResourceSnapshot {
  arn: string;
  policy: string;
}

/** One account: its get-account-authorization-details, alias and resource policies. */
export interface AccountSnapshot {
  accountId: string;
  /** The file the IAM data came from, for messages. */
  source: string;
  alias: string | null;
  users: UserSnapshot[];
  groups: GroupSnapshot[];
  roles: RoleSnapshot[];
  /** Customer managed policies of this account. */
  policies: ManagedPolicySnapshot[];
  /** AWS managed policies the file carries (used only when the shipped catalogue lacks one). */
  awsManagedPolicies: ManagedPolicySnapshot[];
  resources: ResourceSnapshot[];
}

/** An SCP or RCP with its content and targets (describe-policy + list-targets-for-policy). */
export interface OrganizationPolicySnapshot {
  id: string;
  name: string;
  description: string;
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  awsManaged: boolean;
  document: string;
  /** Root, OU or account ids. */
  targets: string[];
}

/** An organization: describe-organization, list-roots, the OU tree, list-accounts and its SCPs/RCPs. */
export interface OrganizationSnapshot {
  id: string;
  managementAccountId: string;
  managementAccountEmail: string | null;
  featureSet: string;
  root: { id: string; name: string };
  /** Each unit after its parent. */
  units: { id: string; parentId: string; name: string }[];
  accounts: { id: string; name: string; email: string | null; status: string; parentId: string }[];
  policies: OrganizationPolicySnapshot[];
}

/** Everything one import reads, or one export writes. */
export interface ImportBundle {
  organization: OrganizationSnapshot | null;
  accounts: AccountSnapshot[];
  /** Things the reader noticed but did not reject (unsupported fields such as instance profiles). */
  notes: string[];
}
