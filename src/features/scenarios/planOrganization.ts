import { deriveScenarioId } from './deriveScenarioId.js';
import { stringifyPolicy } from './stringifyPolicy.js';
import type { ScenarioPlan } from './scenarioPlanTypes.js';
import type { Scenario, ScenarioUnit } from './scenarioTypes.js';

/** AWS's default policies: attached to the root, every OU and every account when the policy types are enabled. */
const defaultPolicies = [
  {
    name: 'FullAWSAccess',
    type: 'SERVICE_CONTROL_POLICY' as const,
    description: 'Allows access to every operation',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    name: 'RCPFullAWSAccess',
    type: 'RESOURCE_CONTROL_POLICY' as const,
    description: 'Allows access to every operation',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
  },
];

type OrganizationRows = Pick<
  ScenarioPlan,
  'organization' | 'units' | 'organizationPolicies' | 'organizationPolicyAttachments'
> & {
  /** OU path (`Workloads/Prod`, `Root`) → its id, for placing accounts. */
  unitIds: Map<string, string>;
};

/**
 * Plans a scenario's organization: ids in AWS's formats (`o-…`, `r-…`, `ou-…`, `p-…`) derived from the
 * scenario name, the OU tree, its SCPs/RCPs and their attachments. FullAWSAccess and RCPFullAWSAccess are
 * attached to every target as AWS does when the policy types are enabled — without FullAWSAccess at every
 * level, an SCP deny-list would deny everything.
 */
export function planOrganization(scenario: Scenario): OrganizationRows {
  const org = scenario.organization;
  const unitIds = new Map<string, string>();
  if (org === undefined) {
    return { organization: null, units: [], organizationPolicies: [], organizationPolicyAttachments: [], unitIds };
  }
  const organizationId = `o-${deriveScenarioId('lower', 10, scenario.name, 'organization')}`;
  const rootSuffix = deriveScenarioId('lower', 4, scenario.name, 'root');
  const rootId = `r-${rootSuffix}`;
  unitIds.set('Root', rootId);
  const units: OrganizationRows['units'] = [{ id: rootId, organizationId, parentId: null, name: 'Root' }];

  const addUnits = (children: readonly ScenarioUnit[] | undefined, parentId: string, prefix: string): void => {
    for (const unit of children ?? []) {
      const path = prefix === '' ? unit.name : `${prefix}/${unit.name}`;
      const id = `ou-${rootSuffix}-${deriveScenarioId('lower', 8, scenario.name, 'ou', path)}`;
      unitIds.set(path, id);
      units.push({ id, organizationId, parentId, name: unit.name });
      addUnits(unit.units, id, path);
    }
  };
  addUnits(org.units, rootId, '');

  const organizationPolicies: OrganizationRows['organizationPolicies'] = [];
  const organizationPolicyAttachments: OrganizationRows['organizationPolicyAttachments'] = [];
  const everyTarget = [...unitIds.values(), ...scenario.accounts.map((a) => a.id)];
  for (const policy of defaultPolicies) {
    const id = `p-${deriveScenarioId('lower', 8, scenario.name, 'policy', policy.name)}`;
    organizationPolicies.push({
      id,
      organizationId,
      ...policy,
      document: stringifyPolicy(policy.document),
      awsManaged: true,
    });
    for (const targetId of everyTarget) organizationPolicyAttachments.push({ policyId: id, targetId });
  }
  for (const policy of org.policies ?? []) {
    const id = `p-${deriveScenarioId('lower', 8, scenario.name, 'policy', policy.type, policy.name)}`;
    organizationPolicies.push({
      id,
      organizationId,
      type: policy.type === 'SCP' ? 'SERVICE_CONTROL_POLICY' : 'RESOURCE_CONTROL_POLICY',
      name: policy.name,
      description: policy.description ?? '',
      document: stringifyPolicy(policy.document),
      awsManaged: false,
    });
    for (const target of policy.targets) {
      organizationPolicyAttachments.push({ policyId: id, targetId: unitIds.get(target) ?? target });
    }
  }
  return {
    organization: { id: organizationId, managementAccountId: org.managementAccount },
    units,
    organizationPolicies,
    organizationPolicyAttachments,
    unitIds,
  };
}
