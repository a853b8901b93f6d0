import type { Resolvers } from '../../generated/graphql.js';
import {
  attachOrganizationPolicy,
  createOrganizationPolicy,
  detachOrganizationPolicy,
} from './organizationPolicies.service.js';
import { createAccount, createOrganization, createOrganizationalUnit, moveAccount } from './organizations.service.js';

/** Mutations of AWS Organizations: the organization, its OUs and accounts, and its SCPs/RCPs. */
export const organizationMutations: Resolvers = {
  Mutation: {
    createOrganization: (_parent, args, context) => createOrganization(context, args),
    createOrganizationalUnit: (_parent, args, context) => createOrganizationalUnit(context, args),
    createAccount: (_parent, args, context) => createAccount(context, args),
    moveAccount: (_parent, args, context) => moveAccount(context, args),
    createOrganizationPolicy: (_parent, args, context) => createOrganizationPolicy(context, args),
    attachOrganizationPolicy: (_parent, args, context) => attachOrganizationPolicy(context, args),
    detachOrganizationPolicy: (_parent, args, context) => detachOrganizationPolicy(context, args),
  },
};
