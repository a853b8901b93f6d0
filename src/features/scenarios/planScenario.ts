import { createHash } from 'node:crypto';
import { formatIamArn, formatRootArn } from '../../iam/index.js';
import { resolvePolicyRef } from './checkScenarioReferences.js';
import { deriveScenarioId } from './deriveScenarioId.js';
import { describeResourceArn } from '../../iam/index.js';
import { planOrganization } from './planOrganization.js';
import { stringifyPolicy } from './stringifyPolicy.js';
import type { PlannedOwner, ScenarioPlan } from './scenarioPlanTypes.js';
import type { Scenario, ScenarioAccount, ScenarioPolicyDocument, ScenarioTags } from './scenarioTypes.js';

/** A UUID-shaped id derived from the scenario, for tables whose ids are UUIDs (tags, inline policies, …). */
function deriveUuid(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`uuid\0${parts.join('\0')}`, 'utf8')
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Turns a validated scenario into the rows to write (see `ScenarioPlan`). Pure and deterministic: ids,
 * access keys and secrets are derived from the scenario name and each entity's ARN, so loading the same
 * scenario again reproduces the same rows and the printed credentials stay valid. The secrets are therefore
 * not secret from anyone who has the scenario file — fine for a playground's sample data, and said so in the
 * seed command's output.
 */
export function planScenario(scenario: Scenario): ScenarioPlan {
  const org = planOrganization(scenario);
  const plan: ScenarioPlan = {
    accountIds: scenario.accounts.map((a) => a.id),
    organization: org.organization,
    units: org.units,
    accounts: scenario.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email ?? null,
      alias: a.alias ?? null,
      organizationId: org.organization?.id ?? null,
      parentId: org.organization === null ? null : (org.unitIds.get(a.unit ?? 'Root') ?? null),
    })),
    organizationPolicies: org.organizationPolicies,
    organizationPolicyAttachments: org.organizationPolicyAttachments,
    managedPolicies: [],
    users: [],
    groups: [],
    roles: [],
    memberships: [],
    inlinePolicies: [],
    policyAttachments: [],
    resources: [],
    tags: [],
    accessKeys: [],
    mfaDevices: [],
    oidcProviders: [],
    instanceProfiles: [],
    samlProviders: [],
  };
  const policyIds = new Map<string, string>();
  for (const account of scenario.accounts) {
    for (const p of account.policies ?? []) {
      const arn = formatIamArn(account.id, 'policy', p.name, p.path);
      const id = `ANPA${deriveScenarioId('upper', 17, scenario.name, arn)}`;
      policyIds.set(arn, id);
      plan.managedPolicies.push({
        id,
        accountId: account.id,
        name: p.name,
        nameKey: p.name.toLowerCase(),
        path: p.path ?? '/',
        arn,
        description: p.description ?? '',
        document: stringifyPolicy(p.document),
      });
    }
  }
  for (const account of scenario.accounts) planAccount(scenario.name, account, policyIds, plan);
  return plan;
}

function planAccount(
  name: string,
  account: ScenarioAccount,
  policyIds: ReadonlyMap<string, string>,
  plan: ScenarioPlan,
): void {
  const policyId = (ref: string): string => {
    const id = policyIds.get(resolvePolicyRef(ref, account));
    if (id === undefined) throw new Error(`no managed policy \`${ref}\` (validateScenario should have caught this)`);
    return id;
  };
  const addInline = (
    owner: PlannedOwner,
    kind: 'USER' | 'GROUP' | 'ROLE',
    arn: string,
    docs?: Record<string, ScenarioPolicyDocument>,
  ): void => {
    for (const [policyName, doc] of Object.entries(docs ?? {})) {
      plan.inlinePolicies.push({
        id: deriveUuid(name, arn, 'inline', policyName),
        ...owner,
        principalKind: kind,
        name: policyName,
        nameKey: policyName.toLowerCase(),
        document: stringifyPolicy(doc),
      });
    }
  };
  const attach = (owner: PlannedOwner, kind: 'USER' | 'GROUP' | 'ROLE', arn: string, refs?: string[]): void => {
    for (const ref of refs ?? []) {
      const id = policyId(ref);
      plan.policyAttachments.push({
        id: deriveUuid(name, arn, 'attach', id),
        ...owner,
        principalKind: kind,
        policyId: id,
      });
    }
  };
  const addTags = (owner: PlannedOwner, arn: string, tags?: ScenarioTags): void => {
    for (const [key, value] of Object.entries(tags ?? {})) {
      plan.tags.push({
        id: deriveUuid(name, arn, 'tag', key.toLowerCase()),
        ...owner,
        key,
        keyLower: key.toLowerCase(),
        value,
      });
    }
  };

  if (account.rootAccessKey === true) {
    const principalArn = formatRootArn(account.id);
    plan.accessKeys.push(planAccessKey(name, account.id, null, principalArn));
  }
  const groupIds = new Map<string, string>();
  for (const group of account.groups ?? []) {
    const arn = formatIamArn(account.id, 'group', group.name, group.path);
    const id = `AGPA${deriveScenarioId('upper', 17, name, arn)}`;
    groupIds.set(group.name.toLowerCase(), id);
    plan.groups.push({
      id,
      accountId: account.id,
      name: group.name,
      nameKey: group.name.toLowerCase(),
      path: group.path ?? '/',
      arn,
    });
    addInline({ groupId: id }, 'GROUP', arn, group.inlinePolicies);
    attach({ groupId: id }, 'GROUP', arn, group.policies);
  }
  for (const user of account.users ?? []) {
    const arn = formatIamArn(account.id, 'user', user.name, user.path);
    const id = `AIDA${deriveScenarioId('upper', 17, name, arn)}`;
    plan.users.push({
      id,
      accountId: account.id,
      name: user.name,
      nameKey: user.name.toLowerCase(),
      path: user.path ?? '/',
      arn,
      permissionsBoundaryId: user.permissionsBoundary === undefined ? null : policyId(user.permissionsBoundary),
    });
    for (const group of user.groups ?? []) {
      const groupId = groupIds.get(group.toLowerCase());
      if (groupId !== undefined) plan.memberships.push({ userId: id, groupId });
    }
    addInline({ userId: id }, 'USER', arn, user.inlinePolicies);
    attach({ userId: id }, 'USER', arn, user.policies);
    addTags({ userId: id }, arn, user.tags);
    if (user.accessKey === true) plan.accessKeys.push(planAccessKey(name, account.id, id, arn));
    if (user.mfaDevice !== undefined) {
      const serialNumber = formatIamArn(account.id, 'mfa', user.mfaDevice.name);
      plan.mfaDevices.push({
        serialNumber,
        accountId: account.id,
        userId: id,
        seed: user.mfaDevice.seed,
        principalArn: arn,
      });
    }
  }
  for (const role of account.roles ?? []) {
    const arn = formatIamArn(account.id, 'role', role.name, role.path);
    const id = `AROA${deriveScenarioId('upper', 17, name, arn)}`;
    plan.roles.push({
      id,
      accountId: account.id,
      name: role.name,
      nameKey: role.name.toLowerCase(),
      path: role.path ?? '/',
      arn,
      description: role.description ?? '',
      assumeRolePolicyDocument: stringifyPolicy(role.trustPolicy),
      maxSessionDuration: role.maxSessionDuration ?? 3600,
      permissionsBoundaryId: role.permissionsBoundary === undefined ? null : policyId(role.permissionsBoundary),
    });
    addInline({ roleId: id }, 'ROLE', arn, role.inlinePolicies);
    attach({ roleId: id }, 'ROLE', arn, role.policies);
    addTags({ roleId: id }, arn, role.tags);
  }
  for (const resource of account.resources ?? []) {
    const id = deriveUuid(name, resource.arn);
    const { service, resourceType } = describeResourceArn(resource.arn);
    plan.resources.push({
      id,
      arn: resource.arn,
      accountId: account.id,
      service,
      resourceType,
      policyDocument: resource.policy === undefined ? null : stringifyPolicy(resource.policy),
    });
    addTags({ resourceId: id }, resource.arn, resource.tags);
  }
  for (const provider of account.oidcProviders ?? []) {
    const key = provider.url.replace(/^https:\/\//, '');
    plan.oidcProviders.push({
      arn: `arn:aws:iam::${account.id}:oidc-provider/${key}`,
      accountId: account.id,
      url: key,
      clientIds: provider.clientIds,
      jwks: provider.jwks ?? null,
    });
  }
  for (const provider of account.samlProviders ?? []) {
    plan.samlProviders.push({
      arn: `arn:aws:iam::${account.id}:saml-provider/${provider.name}`,
      accountId: account.id,
      name: provider.name,
      identityProvider: provider.identityProvider,
    });
  }
  for (const profile of account.instanceProfiles ?? []) {
    const path = profile.path ?? '/';
    const arn = `arn:aws:iam::${account.id}:instance-profile${path}${profile.name}`;
    const role =
      profile.role === undefined
        ? undefined
        : plan.roles.find((r) => r.accountId === account.id && r.nameKey === profile.role!.toLowerCase());
    if (profile.role !== undefined && role === undefined)
      throw new Error(
        `instance profile \`${profile.name}\` names no role \`${profile.role}\` of account ${account.id}`,
      );
    plan.instanceProfiles.push({
      id: `AIPA${deriveScenarioId('upper', 17, name, arn)}`,
      accountId: account.id,
      name: profile.name,
      nameKey: profile.name.toLowerCase(),
      path,
      arn,
      roleId: role?.id ?? null,
    });
  }
}

function planAccessKey(scenario: string, accountId: string, userId: string | null, principalArn: string) {
  return {
    id: `AKIA${deriveScenarioId('upper', 16, scenario, 'access-key', principalArn)}`,
    accountId,
    userId,
    principalArn,
    secret: deriveScenarioId('secret', 40, scenario, 'secret-access-key', principalArn),
  };
}
