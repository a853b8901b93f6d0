import type { GeneratedOrganization } from '../access/GeneratedOrganization.js';
import type { AccountSnapshot, ImportBundle } from '../../src/features/importExport/snapshotTypes.js';

const CREATED = '2025-01-15T10:00:00+00:00';
/** AWS managed policies of the shipped catalogue that some generated principals attach, so import resolves them. */
const AWS_MANAGED = ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit'];

/**
 * The access benchmark's synthetic organization as the AWS CLI would describe it: every generated row becomes
 * the entity get-account-authorization-details lists, the OU tree and SCPs the Organizations outputs, the
 * resources their services' policy outputs. Adds what the rows lack and real accounts have: one group per
 * account (every third user a member, with an inline policy) and AWS managed policies attached to every tenth
 * user and role.
 */
export function toAwsBundle(org: GeneratedOrganization): ImportBundle {
  const byAccount = <T extends { accountId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.accountId, [...(map.get(row.accountId) ?? []), row]);
    return map;
  };
  const users = byAccount(org.users);
  const roles = byAccount(org.roles);
  const policies = byAccount(org.managedPolicies);
  const resources = byAccount(org.resources);
  const policyArn = new Map(org.managedPolicies.map((p) => [p.id, { name: p.name, arn: p.arn }]));
  const inline = new Map<string, { name: string; document: string }[]>();
  for (const p of org.inlinePolicies)
    inline.set(p.ownerId, [...(inline.get(p.ownerId) ?? []), { name: p.name, document: p.document }]);
  const attached = new Map<string, { name: string; arn: string }[]>();
  for (const a of org.attachments)
    attached.set(a.ownerId, [...(attached.get(a.ownerId) ?? []), policyArn.get(a.policyId)!]);
  const tags = new Map<string, { Key: string; Value: string }[]>();
  for (const t of org.tags) tags.set(t.ownerId, [...(tags.get(t.ownerId) ?? []), { Key: t.key, Value: t.value }]);
  const awsManaged = (i: number) =>
    i % 10 === 0
      ? [{ name: AWS_MANAGED[i % 20 === 0 ? 0 : 1]!.split('/').pop()!, arn: AWS_MANAGED[i % 20 === 0 ? 0 : 1]! }]
      : [];

  const accounts: AccountSnapshot[] = org.accounts.map((account, a) => {
    const groupName = 'developers';
    const groupArn = `arn:aws:iam::${account.id}:group/${groupName}`;
    return {
      accountId: account.id,
      source: `generated account ${account.id}`,
      alias: null,
      users: (users.get(account.id) ?? []).map((u, i) => ({
        id: u.id,
        name: u.name,
        path: '/',
        arn: u.arn,
        createDate: CREATED,
        inlinePolicies: inline.get(u.id) ?? [],
        groups: i % 3 === 0 ? [groupName] : [],
        attachedPolicies: [...(attached.get(u.id) ?? []), ...awsManaged(i)],
        permissionsBoundaryArn: null,
        tags: tags.get(u.id) ?? [],
      })),
      groups: [
        {
          id: `AGPA${String(a).padStart(17, '0')}`,
          name: groupName,
          path: '/',
          arn: groupArn,
          createDate: CREATED,
          inlinePolicies: [
            {
              name: 'Describe',
              document: JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
              }),
            },
          ],
          attachedPolicies: [],
        },
      ],
      roles: (roles.get(account.id) ?? []).map((r, i) => ({
        id: r.id,
        name: r.name,
        path: '/',
        arn: r.arn,
        createDate: CREATED,
        trustPolicy: r.trust,
        description: '',
        maxSessionDuration: r.maxSessionDuration,
        inlinePolicies: inline.get(r.id) ?? [],
        attachedPolicies: [...(attached.get(r.id) ?? []), ...awsManaged(i + 5)],
        permissionsBoundaryArn: null,
        tags: tags.get(r.id) ?? [],
        instanceProfiles: [],
      })),
      policies: (policies.get(account.id) ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        path: '/',
        arn: p.arn,
        description: '',
        createDate: CREATED,
        updateDate: CREATED,
        versions: [{ versionId: 'v1', document: p.document, isDefault: true, createDate: CREATED }],
      })),
      awsManagedPolicies: [],
      resources: (resources.get(account.id) ?? [])
        .filter((r) => r.policy !== null)
        .map((r) => ({ arn: r.arn, policy: r.policy! })),
    };
  });
  const root = org.units.find((u) => u.parentId === null)!;
  return {
    organization: {
      id: org.organization.id,
      managementAccountId: org.organization.managementAccountId,
      managementAccountEmail: null,
      featureSet: 'ALL',
      root: { id: root.id, name: root.name },
      units: org.units
        .filter((u) => u.parentId !== null)
        .map((u) => ({ id: u.id, parentId: u.parentId!, name: u.name })),
      accounts: org.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        email: null,
        status: 'ACTIVE',
        parentId: a.parentId,
      })),
      policies: org.organizationPolicies.map((p) => ({
        id: p.id,
        name: p.name,
        description: '',
        type: p.type,
        awsManaged: false,
        document: p.document,
        targets: org.organizationPolicyAttachments.filter((a) => a.policyId === p.id).map((a) => a.targetId),
      })),
    },
    accounts,
    notes: [],
  };
}
