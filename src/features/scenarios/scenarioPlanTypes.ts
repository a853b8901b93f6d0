/**
 * The rows a scenario becomes, computed without a database by `planScenario` and written by `loadScenario`.
 * Every id is derived from the scenario (see `deriveScenarioId`), so two plans of one scenario are equal.
 * Secrets are plaintext here; the loader encrypts them as the auth feature stores them.
 */

/** Who a policy, tag or inline policy belongs to: exactly one of user, group, role (or resource for tags). */
export interface PlannedOwner {
  userId?: string;
  groupId?: string;
  roleId?: string;
  resourceId?: string;
}

/** A credential the seed command prints: a user's (or an account root's) long-term access key. */
export interface PlannedAccessKey {
  id: string;
  accountId: string;
  userId: string | null;
  principalArn: string;
  secret: string;
}

/** Everything one scenario writes. */
export interface ScenarioPlan {
  /** The accounts the scenario owns; loading first deletes them (and all they hold) to stay idempotent. */
  accountIds: string[];
  organization: { id: string; managementAccountId: string } | null;
  /** The root first, then each unit after its parent. */
  units: { id: string; organizationId: string; parentId: string | null; name: string }[];
  accounts: {
    id: string;
    name: string;
    email: string | null;
    alias: string | null;
    organizationId: string | null;
    parentId: string | null;
  }[];
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
  managedPolicies: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    description: string;
    document: string;
  }[];
  users: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    permissionsBoundaryId: string | null;
  }[];
  groups: { id: string; accountId: string; name: string; nameKey: string; path: string; arn: string }[];
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
  }[];
  memberships: { userId: string; groupId: string }[];
  inlinePolicies: (PlannedOwner & {
    id: string;
    principalKind: 'USER' | 'GROUP' | 'ROLE';
    name: string;
    nameKey: string;
    document: string;
  })[];
  policyAttachments: (PlannedOwner & { id: string; policyId: string; principalKind: 'USER' | 'GROUP' | 'ROLE' })[];
  resources: {
    id: string;
    arn: string;
    accountId: string;
    service: string;
    resourceType: string;
    policyDocument: string | null;
  }[];
  tags: (PlannedOwner & { id: string; key: string; keyLower: string; value: string })[];
  accessKeys: PlannedAccessKey[];
  mfaDevices: { serialNumber: string; accountId: string; userId: string; seed: string; principalArn: string }[];
  oidcProviders: {
    arn: string;
    accountId: string;
    url: string;
    clientIds: string[];
    jwks: Record<string, unknown> | null;
  }[];
  instanceProfiles: {
    id: string;
    accountId: string;
    name: string;
    nameKey: string;
    path: string;
    arn: string;
    roleId: string | null;
  }[];
  /** SAML providers from a built-in IdP's metadata, which the loader reads (the IdP's key lives in the database). */
  samlProviders: { arn: string; accountId: string; name: string; identityProvider: string }[];
}
