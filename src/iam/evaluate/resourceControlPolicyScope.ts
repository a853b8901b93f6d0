/**
 * The services whose resources resource control policies govern, as AWS Organizations lists them. Issue 11
 * will feed this from the generated action catalogue; until then the list is written here, once, and nothing
 * outside the engine decides whether RCPs apply.
 */
const RCP_GOVERNED_SERVICES: ReadonlySet<string> = new Set(['s3', 'sts', 'sqs', 'kms', 'secretsmanager']);

/** Whether RCPs govern an action (by its service prefix, case-insensitively): `s3:GetObject` yes, `iam:CreateRole` no. */
export function isGovernedByResourceControlPolicies(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && RCP_GOVERNED_SERVICES.has(action.slice(0, colon).toLowerCase());
}

/** Whether RCPs govern a service's resources (`s3`, `kms` ...). */
export function isServiceGovernedByResourceControlPolicies(service: string): boolean {
  return RCP_GOVERNED_SERVICES.has(service.toLowerCase());
}
