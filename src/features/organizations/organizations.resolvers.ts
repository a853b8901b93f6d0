import { formatOrganizationArn, formatOrganizationUnitArn } from '../../iam/index.js';
import type { Organization } from '../../generated/prisma/client.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { Context } from '../../context.js';
import { connectionFromSortedList } from '../../graphql/connection.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/globalId.js';
import { required } from '../../graphql/required.js';
import { organizationPolicyArn } from './organizationPolicyArn.js';
import { listOrganizations } from './organizations.reads.js';

/** Read resolvers for organizations, their root/OU tree and their SCPs/RCPs. */
export const organizationResolvers: Resolvers = {
  Query: {
    organizations: (_parent, args, { database }) => listOrganizations(database.prisma, args),
    organization: async (_parent, { organizationId }, { loaders }) => {
      const organization = await loaders.organizations.byId.load(organizationId);
      if (!organization) throw noSuchEntity(`The organization with id ${organizationId} cannot be found.`);
      return organization;
    },
  },
  Organization: {
    id: (organization) => toGlobalId('Organization', organization.id),
    organizationId: (organization) => organization.id,
    arn: (organization) => formatOrganizationArn(organization.managementAccountId, organization.id),
    managementAccount: async (organization, _args, { loaders }) =>
      required(await loaders.accounts.byId.load(organization.managementAccountId), 'management account'),
    root: async (organization, _args, { loaders }) => {
      const units = await loaders.organizations.unitsByOrganization.load(organization.id);
      return required(units.find((unit) => unit.parentId === null) ?? null, 'organization root');
    },
    organizationalUnits: (organization, _args, { loaders }) =>
      loaders.organizations.unitsByOrganization.load(organization.id),
    accounts: async (organization, args, { loaders }) =>
      connectionFromSortedList(await loaders.accounts.byOrganization.load(organization.id), args, (account) => [
        account.id,
      ]),
    policies: async (organization, { type }, { loaders }) => {
      const policies = await loaders.organizations.policiesByOrganization.load(organization.id);
      return type ? policies.filter((policy) => policy.type === type) : policies;
    },
  },
  OrganizationalUnit: {
    id: (unit) => toGlobalId('OrganizationalUnit', unit.id),
    unitId: (unit) => unit.id,
    isRoot: (unit) => unit.parentId === null,
    arn: async (unit, _args, context) => {
      const organization = await organizationOf(unit.organizationId, context);
      return formatOrganizationUnitArn(organization.managementAccountId, organization.id, unit.id);
    },
    organization: (unit, _args, context) => organizationOf(unit.organizationId, context),
    parent: (unit, _args, { loaders }) =>
      unit.parentId === null ? null : loaders.organizations.unitById.load(unit.parentId),
    children: (unit, _args, { loaders }) => loaders.organizations.childrenByParent.load(unit.id),
    accounts: (unit, _args, { loaders }) => loaders.accounts.byParent.load(unit.id),
    attachedPolicies: (unit, _args, { loaders }) => loaders.organizations.policiesByTarget.load(unit.id),
  },
  OrganizationPolicy: {
    id: (policy) => toGlobalId('OrganizationPolicy', policy.id),
    policyId: (policy) => policy.id,
    arn: async (policy, _args, context) =>
      organizationPolicyArn(policy, await organizationOf(policy.organizationId, context)),
    targetIds: (policy, _args, { loaders }) => loaders.organizations.targetsByPolicy.load(policy.id),
  },
};

async function organizationOf(organizationId: string, { loaders }: Context): Promise<Organization> {
  return required(await loaders.organizations.byId.load(organizationId), 'organization');
}
