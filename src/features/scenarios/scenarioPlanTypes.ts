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

export type { RowOwner as PlannedOwner } from '../../db/modelRowTypes.js';

/** A credential the seed command prints: a user's (or an account root's) long-term access key. */
export interface PlannedAccessKey {
  id: string;
  accountId: string;
  userId: string | null;
  principalArn: string;
  secret: string;
}

/**
 * The rows a scenario becomes, computed without a database by `planScenario` and written by `loadScenario`.
 * Every id is derived from the scenario (see `deriveScenarioId`), so two plans of one scenario are equal.
 * Secrets are plaintext here; the loader encrypts them as the auth feature stores them.
 */
export interface ScenarioPlan {
  /** The accounts the scenario owns; loading first deletes them (and all they hold) to stay idempotent. */
  accountIds: string[];
  organization: { id: string; managementAccountId: string } | null;
  /** The root first, then each unit after its parent. */
  units: UnitRow[];
  accounts: {
    id: string;
    name: string;
    email: string | null;
    alias: string | null;
    organizationId: string | null;
    parentId: string | null;
  }[];
  organizationPolicies: OrganizationPolicyRow[];
  organizationPolicyAttachments: { policyId: string; targetId: string }[];
  managedPolicies: (ManagedPolicyRow & { accountId: string; document: string })[];
  users: UserRow[];
  groups: GroupRow[];
  roles: RoleRow[];
  memberships: MembershipRow[];
  inlinePolicies: (InlinePolicyRow & { id: string })[];
  policyAttachments: (PolicyAttachmentRow & { id: string })[];
  resources: ResourceRow[];
  tags: (TagRow & { id: string })[];
  accessKeys: PlannedAccessKey[];
  mfaDevices: { serialNumber: string; accountId: string; userId: string; seed: string; principalArn: string }[];
  oidcProviders: {
    arn: string;
    accountId: string;
    url: string;
    clientIds: string[];
    jwks: Record<string, unknown> | null;
  }[];
  instanceProfiles: InstanceProfileRow[];
  /** SAML providers from a built-in IdP's metadata, which the loader reads (the IdP's key lives in the database). */
  samlProviders: { arn: string; accountId: string; name: string; identityProvider: string }[];
}
