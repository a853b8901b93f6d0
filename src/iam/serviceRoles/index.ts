/** Service roles' pure rules: PassRole's keys, what a service's own AssumeRole carries, and whether it may. */
export { buildPassRoleContext, buildServiceAssumeContext, buildServiceSessionContext, SERVICE_PRINCIPALS, type RoleService } from './servicePrincipals.js';
export { serviceCanAssumeRole, type ServiceAssumeRequest } from './serviceCanAssumeRole.js';
