import { formatOrganizationAccountArn, formatOrganizationUnitArn } from '../../../iam/index.js';
import type { Context } from '../../../context.js';
import type { Organization } from '../../../generated/prisma/client.js';
import { awsError } from '../../../graphql/errors.js';
import { authorize, requireCaller } from '../../authorization/authorize.js';
import { requireManagedOrganization } from '../../organizations/organizationContext.js';
import {
  createAccount,
  createOrganization,
  createOrganizationalUnit,
  moveAccount,
} from '../../organizations/organizations.service.js';
import type { AwsOperation } from '../AwsOperation.js';
import {
  callerOrganization,
  createAccountRequestId,
  toAccount,
  toCreateAccountStatus,
  toOrganization,
  toUnit,
} from '../organizationShapes.js';
import { pageByNextToken } from '../pageByMarker.js';

/**
 * Authorizes a read of the organization the caller manages (AWS lets only the management account list and
 * describe its structure) and returns that organization.
 */
export async function readManagedOrganization(
  context: Context,
  action: string,
  resourceArn?: (organization: Organization) => string,
): Promise<Organization> {
  const accountId = requireCaller(context).accountId;
  const organization = await requireManagedOrganization(context, accountId);
  await authorize(context, {
    action,
    resourceArn: resourceArn ? resourceArn(organization) : '*',
    resourceAccountId: accountId,
  });
  return organization;
}

const notFoundUnit = () =>
  awsError(
    'OrganizationalUnitNotFoundException',
    "We can't find an OU with the OrganizationalUnitId that you specified.",
  );
const notFoundParent = () =>
  awsError('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified.");
const notFoundAccount = () =>
  awsError('AccountNotFoundException', "We can't find an AWS account with the AccountId that you specified.");

/** The root or OU `parentId` of the organization, or ParentNotFoundException. */
async function parentOf(context: Context, organization: Organization, parentId: string) {
  const unit = await context.loaders.organizations.unitById.load(parentId);
  if (!unit || unit.organizationId !== organization.id) throw notFoundParent();
  return unit;
}

/** Organizations: the organization, its roots and OUs, and its accounts, over the services GraphQL calls. */
export const organizationOperations: AwsOperation[] = [
  {
    service: 'organizations',
    name: 'CreateOrganization',
    action: 'organizations:CreateOrganization',
    kind: 'write',
    graphql: 'Mutation.createOrganization',
    run: async (context) => ({ Organization: await toOrganization(context, await createOrganization(context, {})) }),
  },
  {
    service: 'organizations',
    name: 'DescribeOrganization',
    action: 'organizations:DescribeOrganization',
    kind: 'read',
    graphql: 'Query.organization',
    run: async (context, _input, action) => {
      const organization = await callerOrganization(context);
      await authorize(context, { action, resourceArn: '*', resourceAccountId: requireCaller(context).accountId });
      return { Organization: await toOrganization(context, organization) };
    },
  },
  {
    service: 'organizations',
    name: 'ListRoots',
    action: 'organizations:ListRoots',
    kind: 'read',
    graphql: 'Organization.root',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      const roots = (await context.loaders.organizations.unitsByOrganization.load(organization.id)).filter(
        (unit) => unit.parentId === null,
      );
      const page = pageByNextToken(roots, input, (unit) => [unit.id]);
      return { Roots: page.items.map((unit) => toUnit(organization, unit)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'CreateOrganizationalUnit',
    action: 'organizations:CreateOrganizationalUnit',
    kind: 'write',
    graphql: 'Mutation.createOrganizationalUnit',
    run: async (context, input) => {
      const unit = await createOrganizationalUnit(context, {
        parentId: input.string('ParentId'),
        name: input.string('Name'),
      });
      const organization = await callerOrganization(context);
      return { OrganizationalUnit: toUnit(organization, unit) };
    },
  },
  {
    service: 'organizations',
    name: 'DescribeOrganizationalUnit',
    action: 'organizations:DescribeOrganizationalUnit',
    kind: 'read',
    graphql: 'Organization.organizationalUnits',
    run: async (context, input, action) => {
      const unitId = input.string('OrganizationalUnitId');
      const organization = await readManagedOrganization(context, action, (org) =>
        formatOrganizationUnitArn(org.managementAccountId, org.id, unitId),
      );
      const unit = await context.loaders.organizations.unitById.load(unitId);
      if (!unit || unit.organizationId !== organization.id || unit.parentId === null) throw notFoundUnit();
      return { OrganizationalUnit: toUnit(organization, unit) };
    },
  },
  {
    service: 'organizations',
    name: 'ListOrganizationalUnitsForParent',
    action: 'organizations:ListOrganizationalUnitsForParent',
    kind: 'read',
    graphql: 'OrganizationalUnit.children',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      const parent = await parentOf(context, organization, input.string('ParentId'));
      const page = pageByNextToken(
        await context.loaders.organizations.childrenByParent.load(parent.id),
        input,
        (unit) => [unit.name, unit.id],
      );
      return { OrganizationalUnits: page.items.map((unit) => toUnit(organization, unit)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'ListChildren',
    action: 'organizations:ListChildren',
    kind: 'read',
    graphql: 'OrganizationalUnit.children',
    run: async (context, input, action) => {
      const childType = input.string('ChildType');
      if (childType !== 'ACCOUNT' && childType !== 'ORGANIZATIONAL_UNIT')
        throw awsError(
          'InvalidInput',
          `1 validation error detected: Value '${childType}' at 'childType' failed to satisfy constraint: Member must satisfy enum value set: [ACCOUNT, ORGANIZATIONAL_UNIT]`,
        );
      const organization = await readManagedOrganization(context, action);
      const parent = await parentOf(context, organization, input.string('ParentId'));
      const children =
        childType === 'ACCOUNT'
          ? (await context.loaders.accounts.byParent.load(parent.id)).map((account) => account.id)
          : (await context.loaders.organizations.childrenByParent.load(parent.id)).map((unit) => unit.id);
      const page = pageByNextToken([...children].sort(), input, (id) => [id]);
      return { Children: page.items.map((id) => ({ Id: id, Type: childType })), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'ListParents',
    action: 'organizations:ListParents',
    kind: 'read',
    graphql: 'Account.parent',
    run: async (context, input, action) => {
      const childId = input.string('ChildId');
      const organization = await readManagedOrganization(context, action);
      const child = /^\d{12}$/.test(childId)
        ? await context.loaders.accounts.byId.load(childId)
        : await context.loaders.organizations.unitById.load(childId);
      if (!child || child.organizationId !== organization.id || child.parentId === null)
        throw awsError(
          'ChildNotFoundException',
          "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
        );
      const parent = await parentOf(context, organization, child.parentId);
      return { Parents: [{ Id: parent.id, Type: parent.parentId === null ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] };
    },
  },
  {
    service: 'organizations',
    name: 'CreateAccount',
    action: 'organizations:CreateAccount',
    kind: 'write',
    graphql: 'Mutation.createAccount',
    run: async (context, input) => {
      // AWS returns no credentials for a new account; the root access key the playground issues stays with GraphQL's createAccount.
      const { account } = await createAccount(context, {
        accountName: input.string('AccountName'),
        email: input.string('Email'),
      });
      return { CreateAccountStatus: toCreateAccountStatus(account) };
    },
  },
  {
    service: 'organizations',
    name: 'DescribeCreateAccountStatus',
    action: 'organizations:DescribeCreateAccountStatus',
    kind: 'read',
    graphql: 'Query.account',
    run: async (context, input, action) => {
      const requestId = input.string('CreateAccountRequestId');
      const organization = await readManagedOrganization(context, action);
      const account = /^car-\d{12}$/.test(requestId)
        ? await context.loaders.accounts.byId.load(requestId.slice(4))
        : null;
      if (!account || account.organizationId !== organization.id || createAccountRequestId(account.id) !== requestId) {
        throw awsError(
          'CreateAccountStatusNotFoundException',
          "We can't find an create account request with the CreateAccountRequestId that you specified.",
        );
      }
      return { CreateAccountStatus: toCreateAccountStatus(account) };
    },
  },
  {
    service: 'organizations',
    name: 'DescribeAccount',
    action: 'organizations:DescribeAccount',
    kind: 'read',
    graphql: 'Query.account',
    run: async (context, input, action) => {
      const accountId = input.string('AccountId');
      const organization = await readManagedOrganization(context, action, (org) =>
        formatOrganizationAccountArn(org.managementAccountId, org.id, accountId),
      );
      const account = await context.loaders.accounts.byId.load(accountId);
      if (!account || account.organizationId !== organization.id) throw notFoundAccount();
      return { Account: toAccount(organization, account) };
    },
  },
  {
    service: 'organizations',
    name: 'ListAccounts',
    action: 'organizations:ListAccounts',
    kind: 'read',
    graphql: 'Organization.accounts',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      const page = pageByNextToken(
        await context.loaders.accounts.byOrganization.load(organization.id),
        input,
        (account) => [account.id],
      );
      return { Accounts: page.items.map((account) => toAccount(organization, account)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'ListAccountsForParent',
    action: 'organizations:ListAccountsForParent',
    kind: 'read',
    graphql: 'OrganizationalUnit.accounts',
    run: async (context, input, action) => {
      const organization = await readManagedOrganization(context, action);
      const parent = await parentOf(context, organization, input.string('ParentId'));
      const page = pageByNextToken(await context.loaders.accounts.byParent.load(parent.id), input, (account) => [
        account.id,
      ]);
      return { Accounts: page.items.map((account) => toAccount(organization, account)), NextToken: page.NextToken };
    },
  },
  {
    service: 'organizations',
    name: 'MoveAccount',
    action: 'organizations:MoveAccount',
    kind: 'write',
    graphql: 'Mutation.moveAccount',
    run: async (context, input) => {
      await moveAccount(context, {
        accountId: input.string('AccountId'),
        sourceParentId: input.string('SourceParentId'),
        destinationParentId: input.string('DestinationParentId'),
      });
      return null;
    },
  },
];
