import { formatIamArn, formatRootArn } from '../../iam/index.js';
import type { ScenarioError } from './scenarioErrors.js';
import type { Scenario, ScenarioAccount, ScenarioPolicyDocument, ScenarioTags, ScenarioUnit } from './scenarioTypes.js';

/** Every OU path of an organization (`Workloads`, `Workloads/Prod`, …), the way accounts and targets name them. */
export function listUnitPaths(units: readonly ScenarioUnit[] = [], prefix = ''): string[] {
  return units.flatMap((unit) => {
    const path = prefix === '' ? unit.name : `${prefix}/${unit.name}`;
    return [path, ...listUnitPaths(unit.units, path)];
  });
}

/** The ARN a policy reference names: a name means a customer managed policy of `accountId` at path `/`. */
export function resolvePolicyRef(ref: string, account: ScenarioAccount): string {
  if (ref.startsWith('arn:')) return ref;
  const policy = account.policies?.find((p) => p.name.toLowerCase() === ref.toLowerCase());
  return formatIamArn(account.id, 'policy', policy?.name ?? ref, policy?.path ?? '/');
}

function checkDocument(doc: ScenarioPolicyDocument, path: string, errors: ScenarioError[]): void {
  if (typeof doc !== 'string') return;
  try {
    JSON.parse(doc);
  } catch {
    errors.push({ path, message: 'policy text is not valid json' });
  }
}

function checkTags(tags: ScenarioTags | undefined, path: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  for (const key of Object.keys(tags ?? {})) {
    if (seen.has(key.toLowerCase()))
      errors.push({ path, message: `duplicate tag key \`${key}\` (keys compare case-insensitively)` });
    seen.add(key.toLowerCase());
  }
}

function checkUnique(names: readonly string[], what: string, path: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name.toLowerCase()))
      errors.push({ path: `${path}[${i}].name`, message: `duplicate ${what} name \`${name}\`` });
    seen.add(name.toLowerCase());
  });
}

/**
 * Checks what JSON Schema cannot: that every reference in a scenario names something the scenario defines
 * (OUs, the management account, groups, managed policies, boundaries, MFA devices, expectation principals),
 * that names are unique as IAM requires (case-insensitively per account), and that an expectation asks for a
 * decision or an error, not both. The loader relies on these checks, so a valid scenario always loads.
 */
export function checkScenarioReferences(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const unitPaths = new Set(listUnitPaths(scenario.organization?.units));
  const accountIds = new Set<string>();
  const policyArns = new Set<string>();
  const principalKeys = new Set<string>();
  const mfaSerials = new Set<string>();
  const resourceArns = new Set<string>();

  scenario.accounts.forEach((account, a) => {
    const at = `accounts[${a}]`;
    if (accountIds.has(account.id))
      errors.push({ path: `${at}.id`, message: `duplicate account id \`${account.id}\`` });
    accountIds.add(account.id);
    if (scenario.organization !== undefined && account.unit !== undefined && !unitPaths.has(account.unit)) {
      errors.push({ path: `${at}.unit`, message: `no organizational unit \`${account.unit}\` in the organization` });
    }
    if (account.rootAccessKey === true) principalKeys.add(formatRootArn(account.id));
    for (const policy of account.policies ?? []) policyArns.add(resolvePolicyRef(policy.name, account));
    checkUnique(
      (account.users ?? []).map((u) => u.name),
      'user',
      `${at}.users`,
      errors,
    );
    checkUnique(
      (account.roles ?? []).map((r) => r.name),
      'role',
      `${at}.roles`,
      errors,
    );
    checkUnique(
      (account.groups ?? []).map((g) => g.name),
      'group',
      `${at}.groups`,
      errors,
    );
    checkUnique(
      (account.policies ?? []).map((p) => p.name),
      'policy',
      `${at}.policies`,
      errors,
    );
    account.policies?.forEach((p, i) => checkDocument(p.document, `${at}.policies[${i}].document`, errors));
    account.resources?.forEach((r, i) => {
      if (resourceArns.has(r.arn))
        errors.push({ path: `${at}.resources[${i}].arn`, message: `duplicate resource \`${r.arn}\`` });
      resourceArns.add(r.arn);
      const owner = r.arn.split(':')[4];
      if (owner !== '' && owner !== account.id) {
        errors.push({
          path: `${at}.resources[${i}].arn`,
          message: `\`${r.arn}\` belongs to account \`${owner}\`, not \`${account.id}\``,
        });
      }
      if (r.policy !== undefined) checkDocument(r.policy, `${at}.resources[${i}].policy`, errors);
      checkTags(r.tags, `${at}.resources[${i}].tags`, errors);
    });
  });

  const org = scenario.organization;
  if (org !== undefined) {
    if (!accountIds.has(org.managementAccount)) {
      errors.push({
        path: 'organization.managementAccount',
        message: `no account \`${org.managementAccount}\` in the scenario`,
      });
    }
    org.policies?.forEach((policy, p) => {
      checkDocument(policy.document, `organization.policies[${p}].document`, errors);
      policy.targets.forEach((target, t) => {
        if (target !== 'Root' && !unitPaths.has(target) && !accountIds.has(target)) {
          errors.push({
            path: `organization.policies[${p}].targets[${t}]`,
            message: `\`${target}\` is not \`Root\`, an ou path or an account id of the scenario`,
          });
        }
      });
    });
  } else {
    scenario.accounts.forEach((account, a) => {
      if (account.unit !== undefined)
        errors.push({
          path: `accounts[${a}].unit`,
          message: 'an account can sit in an ou only when the scenario has an organization',
        });
    });
  }

  scenario.accounts.forEach((account, a) =>
    checkAccountRefs(account, `accounts[${a}]`, policyArns, principalKeys, mfaSerials, errors),
  );
  const principalArns = new Set(
    scenario.accounts.flatMap((account) => [
      ...(account.users ?? []).map((u) => formatIamArn(account.id, 'user', u.name, u.path)),
      ...(account.roles ?? []).map((r) => formatIamArn(account.id, 'role', r.name, r.path)),
    ]),
  );
  scenario.expectations.forEach((expectation, e) => {
    const at = `expectations[${e}]`;
    if (!principalKeys.has(expectation.principal)) {
      errors.push({
        path: `${at}.principal`,
        message: `\`${expectation.principal}\` is not a user with \`accessKey: true\` or a root with \`rootAccessKey: true\``,
      });
    }
    const revoke = expectation.revokeRoleSessions;
    if (revoke !== undefined && !principalKeys.has(revoke.by)) {
      errors.push({
        path: `${at}.revokeRoleSessions.by`,
        message: `\`${revoke.by}\` is not a user with \`accessKey: true\` or a root with \`rootAccessKey: true\``,
      });
    }
    if (revoke !== undefined && !principalArns.has(revoke.roleArn)) {
      errors.push({
        path: `${at}.revokeRoleSessions.roleArn`,
        message: `\`${revoke.roleArn}\` is not a role of the scenario`,
      });
    }
    if (expectation.policySource !== undefined && !principalArns.has(expectation.policySource)) {
      errors.push({
        path: `${at}.policySource`,
        message: `\`${expectation.policySource}\` is not a user or role of the scenario`,
      });
    }
    if (expectation.error !== undefined && (expectation.decision !== undefined || expectation.action !== undefined)) {
      errors.push({
        path: at,
        message: 'an expectation has either `error` or `action`/`resource`/`decision`, not both',
      });
    }
    expectation.chain?.forEach((step, s) => {
      if ('federationToken' in step && step.federationToken.policy !== undefined)
        checkDocument(step.federationToken.policy, `${at}.chain[${s}].federationToken.policy`, errors);
      if (!('roleSessionName' in step) || 'webIdentity' in step) return;
      if (step.tokenCode === 'totp' && (step.serialNumber === undefined || !mfaSerials.has(step.serialNumber))) {
        errors.push({
          path: `${at}.chain[${s}].serialNumber`,
          message: '`tokenCode: totp` needs the serial number of an mfa device in the scenario',
        });
      }
      if (step.policy !== undefined) checkDocument(step.policy, `${at}.chain[${s}].policy`, errors);
    });
  });
  return errors;
}

function checkAccountRefs(
  account: ScenarioAccount,
  at: string,
  policyArns: ReadonlySet<string>,
  principalKeys: Set<string>,
  mfaSerials: Set<string>,
  errors: ScenarioError[],
): void {
  const checkRef = (ref: string, path: string): void => {
    if (ref.startsWith('arn:aws:iam::aws:policy/')) {
      errors.push({
        path,
        message: `\`${ref}\` is aws managed; scenarios define the policies they use so they load on any database`,
      });
    } else if (!policyArns.has(resolvePolicyRef(ref, account))) {
      errors.push({ path, message: `no managed policy \`${ref}\` in the scenario` });
    }
  };
  const checkInline = (docs: Record<string, ScenarioPolicyDocument> | undefined, path: string): void => {
    for (const [name, doc] of Object.entries(docs ?? {})) checkDocument(doc, `${path}.inlinePolicies.${name}`, errors);
  };
  const groupNames = new Set((account.groups ?? []).map((g) => g.name.toLowerCase()));
  account.users?.forEach((user, u) => {
    const path = `${at}.users[${u}]`;
    if (user.accessKey === true) principalKeys.add(formatIamArn(account.id, 'user', user.name, user.path));
    if (user.mfaDevice !== undefined) mfaSerials.add(formatIamArn(account.id, 'mfa', user.mfaDevice.name));
    user.groups?.forEach((g, i) => {
      if (!groupNames.has(g.toLowerCase()))
        errors.push({ path: `${path}.groups[${i}]`, message: `no group \`${g}\` in account \`${account.id}\`` });
    });
    user.policies?.forEach((ref, i) => checkRef(ref, `${path}.policies[${i}]`));
    if (user.permissionsBoundary !== undefined) checkRef(user.permissionsBoundary, `${path}.permissionsBoundary`);
    checkInline(user.inlinePolicies, path);
    checkTags(user.tags, `${path}.tags`, errors);
  });
  account.groups?.forEach((group, g) => {
    group.policies?.forEach((ref, i) => checkRef(ref, `${at}.groups[${g}].policies[${i}]`));
    checkInline(group.inlinePolicies, `${at}.groups[${g}]`);
  });
  account.roles?.forEach((role, r) => {
    const path = `${at}.roles[${r}]`;
    checkDocument(role.trustPolicy, `${path}.trustPolicy`, errors);
    role.policies?.forEach((ref, i) => checkRef(ref, `${path}.policies[${i}]`));
    if (role.permissionsBoundary !== undefined) checkRef(role.permissionsBoundary, `${path}.permissionsBoundary`);
    checkInline(role.inlinePolicies, path);
    checkTags(role.tags, `${path}.tags`, errors);
  });
}
