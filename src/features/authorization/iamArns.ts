/**
 * Builders for the ARNs IAM and Organizations use, in one place, so the authorization checks, the stored
 * rows and the error messages all spell an ARN the same way.
 */
export const iamArns = {
  root: (account: string) => `arn:aws:iam::${account}:root`,
  user: (account: string, path: string, name: string) => `arn:aws:iam::${account}:user${path}${name}`,
  group: (account: string, path: string, name: string) => `arn:aws:iam::${account}:group${path}${name}`,
  role: (account: string, path: string, name: string) => `arn:aws:iam::${account}:role${path}${name}`,
  policy: (account: string, path: string, name: string) => `arn:aws:iam::${account}:policy${path}${name}`,
  mfa: (account: string, path: string, name: string) => `arn:aws:iam::${account}:mfa${path}${name}`,
  organization: (management: string, organizationId: string) => `arn:aws:organizations::${management}:organization/${organizationId}`,
  organizationAccount: (management: string, organizationId: string, account: string) =>
    `arn:aws:organizations::${management}:account/${organizationId}/${account}`,
  organizationUnit: (management: string, organizationId: string, unitId: string) =>
    `arn:aws:organizations::${management}:${unitId.startsWith('r-') ? 'root' : 'ou'}/${organizationId}/${unitId}`,
  organizationPolicy: (management: string, organizationId: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', policyId: string) =>
    `arn:aws:organizations::${management}:policy/${organizationId}/${type === 'SERVICE_CONTROL_POLICY' ? 'service_control_policy' : 'resource_control_policy'}/${policyId}`,
} as const;
