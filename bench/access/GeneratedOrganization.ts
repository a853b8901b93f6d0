/** A synthetic organization as table rows, ready for `writeOrganization` (and for building a model in tests). */
export interface GeneratedOrganization {
  organization: { id: string; managementAccountId: string };
  units: { id: string; parentId: string | null; name: string }[];
  accounts: { id: string; name: string; parentId: string }[];
  organizationPolicies: {
    id: string;
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
    name: string;
    document: string;
  }[];
  organizationPolicyAttachments: { policyId: string; targetId: string }[];
  users: { id: string; accountId: string; name: string; arn: string }[];
  roles: { id: string; accountId: string; name: string; arn: string; trust: string; maxSessionDuration: number }[];
  managedPolicies: { id: string; accountId: string; name: string; arn: string; document: string }[];
  inlinePolicies: { id: string; kind: 'USER' | 'ROLE'; ownerId: string; name: string; document: string }[];
  attachments: { id: string; policyId: string; kind: 'USER' | 'ROLE'; ownerId: string }[];
  resources: { id: string; arn: string; accountId: string; service: string; type: string; policy: string | null }[];
  tags: { id: string; ownerKind: 'user' | 'role' | 'resource'; ownerId: string; key: string; value: string }[];
}
