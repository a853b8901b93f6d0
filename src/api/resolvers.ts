import type { Resolvers } from '../generated/graphql.js';
import { accountResolvers } from '../features/accounts/accounts.resolvers.js';
import { identityResolvers } from '../features/identities/identities.resolvers.js';
import { organizationResolvers } from '../features/organizations/organizations.resolvers.js';
import { policyResolvers } from '../features/policies/policies.resolvers.js';
import { resourceResolvers } from '../features/resources/resources.resolvers.js';
import { roleResolvers } from '../features/roles/roles.resolvers.js';
import { sessionResolvers } from '../features/sessions/sessions.resolvers.js';
import { stsResolvers } from '../features/sessions/sts.resolvers.js';
import { nodeResolvers } from './node.resolvers.js';
import { accessResolvers } from '../features/access/access.resolvers.js';
import { accessGraphResolvers } from '../features/access/accessGraph.resolvers.js';
import { policyDocumentResolvers } from '../features/access/policyDocument.resolvers.js';
import { liveResolvers } from '../features/live/live.resolvers.js';
import { auditResolvers } from '../features/audit/audit.resolvers.js';
import { guardReads } from '../features/authorization/guardReads.js';
import { identityMutations } from '../features/identities/identities.mutations.js';
import { organizationMutations } from '../features/organizations/organizations.mutations.js';
import { policyMutations } from '../features/policies/policies.mutations.js';
import { resourceMutations } from '../features/resources/resources.mutations.js';
import { roleMutations } from '../features/roles/roles.mutations.js';
import { policyValidationResolvers } from '../features/policies/policyValidation.resolvers.js';
import { federationResolvers } from '../features/federation/federation.resolvers.js';
import { serviceRoleResolvers } from '../features/serviceRoles/serviceRoles.resolvers.js';
import { samlResolvers } from '../features/saml/saml.resolvers.js';

/**
 * Every feature's resolver map. Add yours here (one line) and its SDL as an `extend type` section of
 * schema.graphql; two maps may resolve fields of the same type, but never the same field.
 */
export const featureResolvers: Resolvers[] = [
  nodeResolvers,
  organizationResolvers,
  accountResolvers,
  identityResolvers,
  roleResolvers,
  policyResolvers,
  resourceResolvers,
  sessionResolvers,
  stsResolvers,
  identityMutations,
  roleMutations,
  policyMutations,
  resourceMutations,
  organizationMutations,
  auditResolvers,
  accessResolvers,
  policyValidationResolvers,
  federationResolvers,
  serviceRoleResolvers,
  samlResolvers,
  accessGraphResolvers,
  policyDocumentResolvers,
  liveResolvers,
];

/**
 * Merges resolver maps type by type. Throws at start-up when two maps resolve the same field, so a
 * clash between features is found at once rather than one silently winning.
 */
export function mergeResolvers(maps: readonly Resolvers[]): Resolvers {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const existing = merged[typeName];
      if (existing === undefined) {
        merged[typeName] = isPlainObject(fields) ? { ...fields } : fields;
        continue;
      }
      if (!isPlainObject(existing) || !isPlainObject(fields)) {
        throw new Error(`resolvers for \`${typeName}\` are defined twice`);
      }
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in existing) throw new Error(`resolver \`${typeName}.${field}\` is defined twice`);
        existing[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** The resolver map the server uses. */
export const resolvers: Resolvers = guardReads(mergeResolvers(featureResolvers));
