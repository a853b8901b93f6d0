/**
 * Every ARN the product builds, in one place, so stored rows, authorization checks, resolvers, scenarios and
 * error messages spell an ARN the same way. Parsing lives beside it (parseArn, parsePrincipal,
 * parseResourceArn, roleSessionArn).
 */

/** The IAM entity kinds whose ARNs are `arn:aws:iam::ACCOUNT:KIND/PATH/NAME`. */
export type IamEntityKind = 'user' | 'role' | 'group' | 'policy' | 'mfa' | 'instance-profile';

/** Formats an IAM entity ARN; `path` defaults to `/` and must begin and end with `/`. */
export function formatIamArn(account: string, type: IamEntityKind, name: string, path = '/'): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`;
}

/** An account's root user: `arn:aws:iam::ACCOUNT:root`. */
export function formatRootArn(account: string): string {
  return `arn:aws:iam::${account}:root`;
}

/** A federated user from GetFederationToken: `arn:aws:sts::ACCOUNT:federated-user/NAME`. */
export function formatFederatedUserArn(account: string, name: string): string {
  return `arn:aws:sts::${account}:federated-user/${name}`;
}

/** An AWS managed policy: `arn:aws:iam::aws:policy/PATH/NAME`. */
export function formatAwsManagedPolicyArn(name: string, path = '/'): string {
  return `arn:aws:iam::aws:policy${path}${name}`;
}

/** Formats an S3 bucket ARN, or an object ARN when a key is given. */
export function formatS3Arn(bucket: string, key?: string): string {
  return key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;
}

/** Formats a KMS key ARN. */
export function formatKmsKeyArn(region: string, account: string, keyId: string): string {
  return `arn:aws:kms:${region}:${account}:key/${keyId}`;
}

/** An organization: `arn:aws:organizations::MANAGEMENT:organization/o-…`. */
export function formatOrganizationArn(managementAccountId: string, organizationId: string): string {
  return `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`;
}

/** A member account as Organizations names it: `arn:aws:organizations::MANAGEMENT:account/o-…/ACCOUNT`. */
export function formatOrganizationAccountArn(
  managementAccountId: string,
  organizationId: string,
  accountId: string,
): string {
  return `arn:aws:organizations::${managementAccountId}:account/${organizationId}/${accountId}`;
}

/** The root (`r-…`) or an OU (`ou-…`): `arn:aws:organizations::MANAGEMENT:root/o-…/r-…` or `…:ou/o-…/ou-…`. */
export function formatOrganizationUnitArn(managementAccountId: string, organizationId: string, unitId: string): string {
  return `arn:aws:organizations::${managementAccountId}:${unitId.startsWith('r-') ? 'root' : 'ou'}/${organizationId}/${unitId}`;
}

/** The organization policy types, as the API and the ARNs name them. */
export type OrganizationPolicyKind = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/**
 * An SCP or RCP: `arn:aws:organizations::MANAGEMENT:policy/o-…/service_control_policy/p-…`; AWS managed ones
 * (FullAWSAccess, RCPFullAWSAccess) belong to no organization: `arn:aws:organizations::aws:policy/TYPE/p-…`.
 */
export function formatOrganizationPolicyArn(
  managementAccountId: string,
  organizationId: string,
  type: OrganizationPolicyKind,
  policyId: string,
  awsManaged = false,
): string {
  const kind = type === 'SERVICE_CONTROL_POLICY' ? 'service_control_policy' : 'resource_control_policy';
  return awsManaged
    ? `arn:aws:organizations::aws:policy/${kind}/${policyId}`
    : `arn:aws:organizations::${managementAccountId}:policy/${organizationId}/${kind}/${policyId}`;
}

/** An IAM Access Analyzer analyzer: `arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME`. */
export function formatAnalyzerArn(region: string, account: string, name: string): string {
  return `arn:aws:access-analyzer:${region}:${account}:analyzer/${name}`;
}
