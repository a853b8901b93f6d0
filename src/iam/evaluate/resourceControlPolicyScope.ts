import { isRcpSupportedService } from '../catalogue/awsServiceCatalogue.js';

/**
 * Whether resource control policies govern an action, by its service prefix (case-insensitively): the services
 * AWS lists as supporting RCPs, from the generated catalogue. `s3:GetObject` yes, `iam:CreateRole` no. Nothing
 * outside the engine decides whether RCPs apply.
 */
export function isGovernedByResourceControlPolicies(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && isRcpSupportedService(action.slice(0, colon));
}

/** Whether RCPs govern a service's resources (`s3`, `kms` ...). */
export function isServiceGovernedByResourceControlPolicies(service: string): boolean {
  return isRcpSupportedService(service);
}
