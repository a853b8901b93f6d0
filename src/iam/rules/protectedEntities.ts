import { isAwsManagedPolicyArn } from '../catalogue/awsManagedPolicies.js';

/** A refusal in AWS's words: the error code and message an API answers with. */
export interface Refusal {
  code: 'UnmodifiableEntity' | 'AccessDenied' | 'InvalidAliasNameException';
  message: string;
}

/** Role writes AWS still lets customers make on a protected role: tags (TagRole documents service-linked roles) and its description. */
const ALLOWED_ON_PROTECTED_ROLES = new Set(['iam:tagrole', 'iam:untagrole', 'iam:updateroledescription']);

/**
 * What iam:UpdateRole may change on a protected role: only its description ("You can edit the description
 * of any role", IAM's service-linked role guide); its maximum session duration stays the service's.
 */
const UPDATABLE_ON_PROTECTED_ROLES = new Set(['description']);

/**
 * Whether AWS protects a role from customers: service-linked roles (path `/aws-service-role/`) and the
 * roles IAM Identity Center creates (`AWSReservedSSO_*`, path `/aws-reserved/sso.amazonaws.com/`). Only
 * the owning service changes them.
 */
export function isProtectedRole(role: { path: string; name: string }): boolean {
  return (
    role.path.startsWith('/aws-service-role/') ||
    role.path.startsWith('/aws-reserved/') ||
    role.name.startsWith('AWSReservedSSO_')
  );
}

/**
 * IAM's answer to a customer's write (`action`, e.g. `iam:PutRolePolicy`) on a protected role: the
 * UnmodifiableEntity error with AWS's message, or null when the write is allowed (tags, description; any
 * write on an ordinary role). `changedFields` names what an iam:UpdateRole changes (`description`,
 * `maxSessionDuration`): it is allowed only when it changes the description alone. A service-linked role
 * is deleted with DeleteServiceLinkedRole, not DeleteRole.
 */
export function refuseProtectedRoleWrite(
  role: { path: string; name: string },
  action: string,
  changedFields: readonly string[] = [],
): Refusal | null {
  if (!isProtectedRole(role) || ALLOWED_ON_PROTECTED_ROLES.has(action.toLowerCase())) return null;
  if (
    action.toLowerCase() === 'iam:updaterole' &&
    changedFields.every((field) => UPDATABLE_ON_PROTECTED_ROLES.has(field))
  )
    return null;
  return {
    code: 'UnmodifiableEntity',
    message: `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`,
  };
}

/**
 * AWS managed policies are AWS's alone: no customer (an account's root included) can create versions of,
 * set the default version of, tag or delete them. Returns the AccessDenied IAM answers, or null for a
 * customer managed policy.
 */
export function refuseAwsManagedPolicyWrite(policyArn: string, action: string, callerArn: string): Refusal | null {
  if (!isAwsManagedPolicyArn(policyArn)) return null;
  return {
    code: 'AccessDenied',
    message: `User: ${callerArn} is not authorized to perform: ${action} on resource: policy ${policyArn}`,
  };
}

/**
 * Tag keys beginning with `aws:` are reserved for AWS: IAM refuses them on users and roles, and STS refuses
 * them as session tags. Compared case-insensitively, as tag keys are.
 */
export function isReservedTagKey(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

/**
 * Aliases under `alias/aws/` name the AWS managed KMS keys (`alias/aws/s3`, `alias/aws/ebs`, ...): AWS
 * creates them, and customers can neither create, update nor delete them.
 */
export function isAwsManagedKmsAlias(aliasOrArn: string): boolean {
  const alias = aliasOrArn.startsWith('arn:') ? aliasOrArn.slice(aliasOrArn.indexOf(':alias/') + 1) : aliasOrArn;
  return alias.toLowerCase().startsWith('alias/aws/');
}

/** KMS's answer (its InvalidAliasNameException) to a customer creating, updating or deleting an AWS managed alias. */
export function refuseAwsManagedKmsAliasWrite(aliasOrArn: string): Refusal | null {
  if (!isAwsManagedKmsAlias(aliasOrArn)) return null;
  return {
    code: 'InvalidAliasNameException',
    message: `The alias ${aliasOrArn} is not valid: the alias/aws/ prefix is reserved for AWS managed keys.`,
  };
}
