/**
 * The rows of the IAM model as bulk writers produce them: a scenario's plan and an import's plan are both
 * made of these, so a column added to the model is added here once.
 */

/** Who an inline policy, attachment or tag belongs to: exactly one of them is set (resource only for tags). */
export interface RowOwner {
  userId?: string;
  groupId?: string;
  roleId?: string;
  resourceId?: string;
}

export type PrincipalKindRow = 'USER' | 'GROUP' | 'ROLE';

/** An organizational unit: the root has no parent. */
export interface UnitRow {
  id: string;
  organizationId: string;
  parentId: string | null;
  name: string;
}

export interface OrganizationPolicyRow {
  id: string;
  organizationId: string;
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  name: string;
  description: string;
  document: string;
  awsManaged: boolean;
}

/** What every named IAM entity row carries. */
interface NamedEntityRow {
  id: string;
  accountId: string;
  name: string;
  /** The name folded for IAM's case-insensitive uniqueness. */
  nameKey: string;
  path: string;
  arn: string;
}

export interface UserRow extends NamedEntityRow {
  permissionsBoundaryId: string | null;
}

export type GroupRow = NamedEntityRow;

export interface RoleRow extends NamedEntityRow {
  description: string;
  assumeRolePolicyDocument: string;
  maxSessionDuration: number;
  permissionsBoundaryId: string | null;
}

export interface InstanceProfileRow extends NamedEntityRow {
  roleId: string | null;
}

export interface ManagedPolicyRow extends Omit<NamedEntityRow, 'accountId'> {
  /** Null for an AWS managed policy. */
  accountId: string | null;
  description: string;
}

export interface MembershipRow {
  userId: string;
  groupId: string;
}

export type InlinePolicyRow = RowOwner & {
  principalKind: PrincipalKindRow;
  name: string;
  nameKey: string;
  document: string;
};

export type PolicyAttachmentRow = RowOwner & { policyId: string; principalKind: PrincipalKindRow };

export interface ResourceRow {
  id: string;
  arn: string;
  accountId: string;
  service: string;
  resourceType: string;
  policyDocument: string | null;
}

export type TagRow = RowOwner & { key: string; keyLower: string; value: string };
