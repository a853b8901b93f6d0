/** Service roles' pure rules: PassRole's keys, what a service's own AssumeRole carries, and whether it may. */
export {
  buildPassRoleContext,
  buildServiceAssumeContext,
  buildServiceSessionContext,
  SERVICE_PRINCIPALS,
  type RoleService,
} from './servicePrincipals.js';
export { serviceCanAssumeRole, type ServiceAssumeRequest } from './serviceCanAssumeRole.js';
export {
  isServiceLinkedRolePath,
  protectedRoleMessage,
  SERVICE_LINKED_ROLES,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
  type ServiceLinkedRoleDefinition,
} from './serviceLinkedRoles.js';
