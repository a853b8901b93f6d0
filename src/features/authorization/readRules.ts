import type { Context } from '../../context.js';
import type { Account, Organization, OrganizationalUnit } from '../../generated/prisma/client.js';
import { validationError } from '../../graphql/errors.js';
import { requireArn } from '../../graphql/requireArn.js';
import {
  formatOrganizationAccountArn,
  formatOrganizationArn,
  formatOrganizationPolicyArn,
  formatOrganizationUnitArn,
  parseArn,
  roleArnFromSessionArn,
} from '../../iam/index.js';
import { requireCaller, type AuthorizationCheck } from './authorize.js';
import { analyzerCheck, listFindingsCheck, organizationAnalyzerCheck } from './analyzerCheck.js';
import { accountOfArn, organizationOf } from './nodeRules.js';
import {
  AUTHORIZED_BY_SERVICE,
  EACH_RESULT_BY_TYPE,
  FILTER_RESULTS_BY_TYPE,
  lookup,
  OPEN_TO_SIGNED_IN,
  SAME_ACCOUNT_AS_PARENT,
  type Checks,
  type ReadRules,
} from './readRule.js';

const own = (context: Context) => requireCaller(context).accountId;

/** An IAM entity named by an ARN argument: malformed ARNs answer IAM's InvalidInput before anything is checked. */
const iamTarget = (context: Context, arn: string) => {
  requireArn(arn);
  return { arn, accountId: accountOfArn(context, arn) };
};

/** A listing in an account (its users, roles ...), checked there. */
const listIn =
  (action: string) =>
  (_context: Context, _args: unknown, account: Pick<Account, 'id'>): AuthorizationCheck => ({
    action,
    resourceArn: '*',
    resourceAccountId: account.id,
  });

/** An Organizations call on an object of an organization, in its management account; nothing to check outside one. */
const inOrganizationOf =
  <P>(
    action: string,
    find: (parent: P) => { organizationId: string | null; arn: (management: string, organizationId: string) => string },
  ) =>
  async (context: Context, _args: unknown, parent: P): Promise<Checks> => {
    const { organizationId, arn } = find(parent);
    if (organizationId === null) return [];
    const organization = await organizationOf(context, organizationId);
    if (organization === null) return [];
    return {
      action,
      resourceArn: arn(organization.managementAccountId, organization.id),
      resourceAccountId: organization.managementAccountId,
    };
  };

const ofOrganization = (organization: Organization) => ({
  organizationId: organization.id,
  arn: (m: string, o: string) => formatOrganizationArn(m, o),
});
const ofUnit = (unit: OrganizationalUnit) => ({
  organizationId: unit.organizationId,
  arn: (m: string, o: string) => formatOrganizationUnitArn(m, o, unit.id),
});
const ofAccount = (account: Account) => ({
  organizationId: account.organizationId,
  arn: (m: string, o: string) => formatOrganizationAccountArn(m, o, account.id),
});

/** iam:SimulatePrincipalPolicy on the principal an analysis is about (a session stands for its role). */
export const simulatePrincipalCheck = (context: Context, principalArn: string): AuthorizationCheck => {
  const arn = roleArnFromSessionArn(principalArn) ?? principalArn;
  requireArn(arn);
  return { action: 'iam:SimulatePrincipalPolicy', resourceArn: arn, resourceAccountId: accountOfArn(context, arn) };
};

/** The analyzer whose findings cover a whole organization: the caller's organization analyzer in its own organization, else the management account's. */
async function wholeOrganizationCheck(context: Context, organizationId: string): Promise<AuthorizationCheck> {
  const caller = own(context);
  const [organization, callerAccount] = await Promise.all([
    organizationOf(context, organizationId),
    context.loaders.accounts.byId.load(caller),
  ]);
  if (organization !== null && callerAccount?.organizationId === organization.id)
    return listFindingsCheck(caller, 'organization');
  return listFindingsCheck(organization?.managementAccountId ?? caller);
}

/** The account that owns a resource ARN as the playground stores it: a stored resource or role's, else the one the ARN names. */
async function ownerOf(context: Context, arn: string): Promise<string> {
  const [resource, role] = await Promise.all([
    context.loaders.resources.byArn.load(arn.replace(/^(arn:aws:s3:::[^/]+)\/.*$/, '$1')),
    context.loaders.roles.byArn.load(arn),
  ]);
  return resource?.accountId ?? role?.accountId ?? (parseArn(arn)?.account || own(context));
}

/** IAM's read of an assumeRolePaths start: a user, an OIDC or SAML identity provider, or a role. */
const startingRead = (resource: string): string =>
  resource.startsWith('user/')
    ? 'iam:GetUser'
    : resource.startsWith('oidc-provider/')
      ? 'iam:GetOpenIDConnectProvider'
      : resource.startsWith('saml-provider/')
        ? 'iam:GetSAMLProvider'
        : 'iam:GetRole';

/**
 * The reads of both ends of an assumeRolePaths question (a user, role or identity provider, and the target role):
 * IAM's own read (iam:GetUser / iam:GetRole / iam:GetOpenIDConnectProvider / iam:GetSAMLProvider) of an end in the caller's account or outside its organization; for an end in
 * another account of the caller's organization, the organization analyzer's findings, as for whoCanAccess.
 */
async function assumeRolePathChecks(
  context: Context,
  fromArn: string,
  toRoleArn: string,
): Promise<AuthorizationCheck[]> {
  const end = async (arn: string, action: string): Promise<AuthorizationCheck> => {
    const { accountId } = iamTarget(context, arn);
    return (
      (await organizationAnalyzerCheck(context, accountId)) ?? {
        action,
        resourceArn: arn,
        resourceAccountId: accountId,
      }
    );
  };
  return Promise.all([end(fromArn, startingRead(requireArn(fromArn).resource)), end(toRoleArn, 'iam:GetRole')]);
}

/**
 * The authorization rule of every read, typed from the generated resolvers. Direct lookups and `node(id:)`
 * share the Node type's rule (see NODE_RULES); listings check the List action where the list lives; fields
 * that lead into another account check the target object; analysis queries check IAM Access Analyzer's and
 * IAM's simulation actions (see the README, "Analysis queries").
 */
export const READ_RULES: ReadRules = {
  Query: {
    node: EACH_RESULT_BY_TYPE,
    nodes: EACH_RESULT_BY_TYPE,
    callerIdentity: OPEN_TO_SIGNED_IN,
    auditEvents: AUTHORIZED_BY_SERVICE,
    organizations: FILTER_RESULTS_BY_TYPE,
    organization: lookup('Organization', (context, args) =>
      context.loaders.organizations.byId.load(args.organizationId),
    ),
    accounts: FILTER_RESULTS_BY_TYPE,
    account: lookup('Account', (context, args) => context.loaders.accounts.byId.load(args.accountId)),
    user: lookup('User', (context, args) => iamTarget(context, args.arn)),
    group: lookup('Group', (context, args) => iamTarget(context, args.arn)),
    role: lookup('Role', (context, args) => iamTarget(context, args.arn)),
    policy: lookup('ManagedPolicy', (context, args) => {
      const { accountId } = iamTarget(context, args.arn);
      return { arn: args.arn, accountId: requireArn(args.arn).account === 'aws' ? null : accountId };
    }),
    policyVersion: (context, args) => ({
      action: 'iam:GetPolicyVersion',
      resourceArn: args.policyArn,
      resourceAccountId: iamTarget(context, args.policyArn).accountId,
    }),
    awsManagedPolicies: (context) => ({
      action: 'iam:ListPolicies',
      resourceArn: '*',
      resourceAccountId: own(context),
    }),
    resource: lookup('Resource', async (context, args) => {
      const stored = await context.loaders.resources.byArn.load(args.arn);
      return (
        stored ?? {
          id: null,
          arn: args.arn,
          accountId: parseArn(args.arn)?.account || own(context),
          policyDocument: null,
        }
      );
    }),
    session: lookup('Session', (context, args) => context.loaders.sessions.byId.load(args.accessKeyId)),
    sessions: (_context, args) => ({ action: 'iam:ListRoles', resourceArn: '*', resourceAccountId: args.accountId }),
    simulateCustomPolicy: (context) => ({
      action: 'iam:SimulateCustomPolicy',
      resourceArn: '*',
      resourceAccountId: own(context),
    }),
    simulatePrincipalPolicy: (context, args) => simulatePrincipalCheck(context, args.input.policySourceArn),
    effectivePermissions: (context, args) => simulatePrincipalCheck(context, args.principalArn),
    whoCanAccess: async (context, args) => analyzerCheck(context, await ownerOf(context, args.resourceArn)),
    externalAccess: async (context, args) => {
      if (args.organizationId != null) return wholeOrganizationCheck(context, args.organizationId);
      return analyzerCheck(context, args.accountId ?? own(context));
    },
    assumeRolePaths: (context, args) => assumeRolePathChecks(context, args.fromArn, args.toRoleArn),
    whoCanAccessFederated: async (context, args) => analyzerCheck(context, await ownerOf(context, args.resourceArn)),
    // Drawing a scope reads what the analysis of that scope reads: the analyzer's findings of the account or
    // organization, or the checks of the whoCanAccess / assumeRolePaths question it draws.
    accessGraph: async (context, { scope }) => {
      // Which scope decides the check, so a request naming several is refused before any is checked.
      const given = [scope.accountId, scope.organizationId, scope.whoCanAccess, scope.assumeRolePaths].filter(
        (value) => value != null,
      );
      if (given.length !== 1)
        throw validationError('give exactly one of accountId, organizationId, whoCanAccess and assumeRolePaths');
      if (scope.accountId != null) return analyzerCheck(context, scope.accountId);
      if (scope.organizationId != null) return wholeOrganizationCheck(context, scope.organizationId);
      if (scope.whoCanAccess != null)
        return analyzerCheck(context, await ownerOf(context, scope.whoCanAccess.resourceArn));
      if (scope.assumeRolePaths != null)
        return assumeRolePathChecks(context, scope.assumeRolePaths.fromArn, scope.assumeRolePaths.toRoleArn);
      return listFindingsCheck(own(context));
    },
    // The IAM reads of identity providers, instance profiles and deletion tasks authorize inside their services
    // (iam:GetOpenIDConnectProvider, iam:ListSAMLProviders, iam:GetInstanceProfile ...), as do validatePolicy
    // (access-analyzer:ValidatePolicy) and the other service-authorized fields above.
    openIDConnectProvider: AUTHORIZED_BY_SERVICE,
    openIDConnectProviders: AUTHORIZED_BY_SERVICE,
    samlProvider: AUTHORIZED_BY_SERVICE,
    samlProviders: AUTHORIZED_BY_SERVICE,
    instanceProfile: AUTHORIZED_BY_SERVICE,
    instanceProfiles: AUTHORIZED_BY_SERVICE,
    serviceLinkedRoleDeletionStatus: AUTHORIZED_BY_SERVICE,
    validatePolicy: AUTHORIZED_BY_SERVICE,
    // A built-in IdP's SAML metadata is public outside AWS (an IdP publishes it); only a signed-in caller is asked for.
    samlIdentityProviderMetadata: OPEN_TO_SIGNED_IN,
  },
  Organization: {
    managementAccount: EACH_RESULT_BY_TYPE,
    root: inOrganizationOf('organizations:ListRoots', ofOrganization),
    organizationalUnits: inOrganizationOf('organizations:ListOrganizationalUnitsForParent', ofOrganization),
    accounts: inOrganizationOf('organizations:ListAccounts', ofOrganization),
    policies: inOrganizationOf('organizations:ListPolicies', ofOrganization),
  },
  OrganizationalUnit: {
    organization: EACH_RESULT_BY_TYPE,
    parent: EACH_RESULT_BY_TYPE,
    children: inOrganizationOf('organizations:ListChildren', ofUnit),
    accounts: inOrganizationOf('organizations:ListAccountsForParent', ofUnit),
    attachedPolicies: inOrganizationOf('organizations:ListPoliciesForTarget', ofUnit),
  },
  OrganizationPolicy: {
    // Validation findings of the policy's own document, which the parent's read already showed.
    warnings: SAME_ACCOUNT_AS_PARENT,
    targetIds: inOrganizationOf('organizations:ListTargetsForPolicy', (policy) => ({
      organizationId: policy.organizationId,
      arn: (m, o) => formatOrganizationPolicyArn(m, o, policy.type, policy.id),
    })),
  },
  Account: {
    organization: EACH_RESULT_BY_TYPE,
    parent: inOrganizationOf('organizations:ListParents', ofAccount),
    attachedOrganizationPolicies: inOrganizationOf('organizations:ListPoliciesForTarget', ofAccount),
    users: listIn('iam:ListUsers'),
    groups: listIn('iam:ListGroups'),
    roles: listIn('iam:ListRoles'),
    policies: listIn('iam:ListPolicies'),
    // The Resource Groups Tagging API's GetResources lists every resource of an account.
    resources: listIn('tag:GetResources'),
  },
  User: {
    account: SAME_ACCOUNT_AS_PARENT,
    groups: SAME_ACCOUNT_AS_PARENT,
    attachedPolicies: SAME_ACCOUNT_AS_PARENT,
    permissionsBoundary: SAME_ACCOUNT_AS_PARENT,
    inlinePolicies: SAME_ACCOUNT_AS_PARENT,
    tags: SAME_ACCOUNT_AS_PARENT,
    accessKeys: SAME_ACCOUNT_AS_PARENT,
    canPerform: (context, _args, user) => simulatePrincipalCheck(context, user.arn),
  },
  Group: {
    account: SAME_ACCOUNT_AS_PARENT,
    members: SAME_ACCOUNT_AS_PARENT,
    attachedPolicies: SAME_ACCOUNT_AS_PARENT,
    inlinePolicies: SAME_ACCOUNT_AS_PARENT,
  },
  Role: {
    account: SAME_ACCOUNT_AS_PARENT,
    attachedPolicies: SAME_ACCOUNT_AS_PARENT,
    permissionsBoundary: SAME_ACCOUNT_AS_PARENT,
    inlinePolicies: SAME_ACCOUNT_AS_PARENT,
    tags: SAME_ACCOUNT_AS_PARENT,
    sessions: EACH_RESULT_BY_TYPE,
    canPerform: (context, _args, role) => simulatePrincipalCheck(context, role.arn),
    trustPolicyWarnings: SAME_ACCOUNT_AS_PARENT,
  },
  ManagedPolicy: {
    account: SAME_ACCOUNT_AS_PARENT,
    defaultVersion: SAME_ACCOUNT_AS_PARENT,
    versions: SAME_ACCOUNT_AS_PARENT,
    tags: SAME_ACCOUNT_AS_PARENT,
  },
  Resource: {
    account: SAME_ACCOUNT_AS_PARENT,
    tags: SAME_ACCOUNT_AS_PARENT,
    whoCan: (context, _args, resource) => analyzerCheck(context, resource.accountId),
    policyWarnings: SAME_ACCOUNT_AS_PARENT,
  },
  Session: {
    account: SAME_ACCOUNT_AS_PARENT,
    role: SAME_ACCOUNT_AS_PARENT,
    user: SAME_ACCOUNT_AS_PARENT,
    tags: SAME_ACCOUNT_AS_PARENT,
    parentSession: EACH_RESULT_BY_TYPE,
    canPerform: async (context, _args, session) => {
      const role = session.roleId === null ? null : await context.loaders.roles.byId.load(session.roleId);
      const user = session.userId === null ? null : await context.loaders.identities.userById.load(session.userId);
      return simulatePrincipalCheck(context, role?.arn ?? user?.arn ?? session.arn);
    },
  },
};
