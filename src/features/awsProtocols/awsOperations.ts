import type { AwsOperation, AwsService } from './AwsOperation.js';
import { iamAccountOperations } from './operations/iamAccount.operations.js';
import { iamIdentityProviderOperations } from './operations/iamIdentityProviders.operations.js';
import { iamPolicyOperations } from './operations/iamPolicies.operations.js';
import { iamPrincipalPolicyOperations } from './operations/iamPrincipalPolicies.operations.js';
import { iamRoleOperations } from './operations/iamRoles.operations.js';
import { iamServiceRoleOperations } from './operations/iamServiceRoles.operations.js';
import { iamSimulationOperations } from './operations/iamSimulation.operations.js';
import { iamUserOperations } from './operations/iamUsers.operations.js';
import { organizationPolicyOperations } from './operations/organizationPolicies.operations.js';
import { organizationOperations } from './operations/organizations.operations.js';
import { stsOperations } from './operations/sts.operations.js';
import { stsFederationOperations } from './operations/stsFederation.operations.js';

/**
 * The mapping table: every AWS operation the playground answers at `/`, with the IAM action AWS checks and the
 * GraphQL field that does the same through the same service. It is the only place that knows both worlds;
 * `awsOperations.coverage.test.ts` fails when a GraphQL mutation has no row here (outside its reviewed list of
 * playground-only mutations) or a row names a GraphQL field that does not exist. Adding an operation is adding
 * one row to one of these lists.
 */
export const AWS_OPERATIONS: readonly AwsOperation[] = [
  ...stsOperations,
  ...iamUserOperations,
  ...iamRoleOperations,
  ...iamPolicyOperations,
  ...iamPrincipalPolicyOperations,
  ...iamAccountOperations,
  ...iamSimulationOperations,
  ...organizationOperations,
  ...organizationPolicyOperations,
  ...stsFederationOperations,
  ...iamIdentityProviderOperations,
  ...iamServiceRoleOperations,
];

const byKey = new Map(AWS_OPERATIONS.map((operation) => [`${operation.service}:${operation.name}`, operation]));

/** The operation of a service by its model name, or null when the playground does not answer it. */
export function findAwsOperation(service: AwsService, name: string): AwsOperation | null {
  return byKey.get(`${service}:${name}`) ?? null;
}

/**
 * Every operation of STS's service model (2011-06-15). A query request that is not signed for a service
 * (AssumeRoleWithWebIdentity and AssumeRoleWithSAML are called unsigned) is routed to STS when its `Action` is
 * one of these, to IAM otherwise.
 */
export const STS_OPERATION_NAMES: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
]);
