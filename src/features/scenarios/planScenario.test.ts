import { describe, expect, it } from 'vitest';
import { deriveScenarioId } from './deriveScenarioId.js';
import { describeResourceArn } from '../../iam/index.js';
import { planScenario } from './planScenario.js';
import { readScenario } from './readScenario.js';

describe('planScenario', () => {
  const auditor = readScenario('cross-account-auditor');

  it('is deterministic, so a reload reproduces the same rows and credentials', () => {
    expect(planScenario(auditor)).toEqual(planScenario(readScenario('cross-account-auditor')));
  });

  it('issues ids in the formats AWS uses', () => {
    const plan = planScenario(auditor);
    expect(plan.organization?.id).toMatch(/^o-[a-z0-9]{10}$/);
    expect(plan.units[0]).toMatchObject({ name: 'Root', parentId: null, id: expect.stringMatching(/^r-[a-z0-9]{4}$/) });
    expect(plan.units.slice(1).map((u) => u.id)).toEqual(
      plan.units.slice(1).map(() => expect.stringMatching(/^ou-[a-z0-9]{4}-[a-z0-9]{8}$/)),
    );
    expect(plan.users.map((u) => u.id)).toEqual(plan.users.map(() => expect.stringMatching(/^AIDA[A-Z2-7]{17}$/)));
    expect(plan.roles.map((r) => r.id)).toEqual(plan.roles.map(() => expect.stringMatching(/^AROA[A-Z2-7]{17}$/)));
    expect(plan.accessKeys.map((k) => [k.id, k.secret])).toEqual(
      plan.accessKeys.map(() => [
        expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
        expect.stringMatching(/^[A-Za-z0-9+/]{40}$/),
      ]),
    );
    expect(new Set(plan.accessKeys.map((k) => k.secret)).size).toBe(plan.accessKeys.length);
    const uuids = [...plan.tags, ...plan.inlinePolicies, ...plan.policyAttachments, ...plan.resources].map(
      (row) => row.id,
    );
    expect(uuids).toEqual(
      uuids.map(() => expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)),
    );
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('places accounts in their OUs and attaches FullAWSAccess at every level, as AWS does', () => {
    const plan = planScenario(readScenario('scp-guardrails'));
    const unitName = (id: string | null) => plan.units.find((u) => u.id === id)?.name;
    expect(plan.accounts.map((a) => [a.id, unitName(a.parentId)])).toEqual([
      ['150000000001', 'Root'],
      ['150000000002', 'Prod'],
      ['150000000003', 'Sandbox'],
    ]);
    const full = plan.organizationPolicies.find((p) => p.name === 'FullAWSAccess');
    const targets = plan.organizationPolicyAttachments.filter((a) => a.policyId === full?.id).map((a) => a.targetId);
    expect(targets.sort()).toEqual([...plan.units.map((u) => u.id), ...plan.accountIds].sort());
    const regionLock = plan.organizationPolicies.find((p) => p.name === 'RegionLock');
    const workloads = plan.units.find((u) => u.name === 'Workloads');
    expect(plan.organizationPolicyAttachments.filter((a) => a.policyId === regionLock?.id)).toEqual([
      { policyId: regionLock?.id, targetId: workloads?.id },
    ]);
  });

  it('links boundaries, attachments, memberships and tags to their owners', () => {
    const plan = planScenario(readScenario('permissions-boundary-delegation'));
    const boundary = plan.managedPolicies.find((p) => p.name === 'AppBoundary');
    const role = plan.roles.find((r) => r.name === 'orders-service');
    expect(role).toMatchObject({
      path: '/app/',
      arn: 'arn:aws:iam::160000000001:role/app/orders-service',
      permissionsBoundaryId: boundary?.id,
    });
    expect(plan.inlinePolicies.filter((p) => p.roleId === role?.id).map((p) => p.name)).toEqual([
      'EverythingTheTeamAskedFor',
    ]);
    const user = plan.users.find((u) => u.name === 'team-lead');
    const delegated = plan.managedPolicies.find((p) => p.name === 'DelegatedRoleAdmin');
    expect(plan.policyAttachments).toEqual([
      expect.objectContaining({ userId: user?.id, policyId: delegated?.id, principalKind: 'USER' }),
    ]);
    const auditorPlan = planScenario(auditor);
    expect(auditorPlan.memberships).toHaveLength(1);
    expect(auditorPlan.tags.filter((t) => t.resourceId !== undefined)).toEqual([
      expect.objectContaining({ key: 'classification', keyLower: 'classification', value: 'confidential' }),
    ]);
  });
});

describe('deriveScenarioId', () => {
  it('draws only from its alphabet and differs by input', () => {
    expect(deriveScenarioId('lower', 50, 'a')).toMatch(/^[a-z0-9]{50}$/);
    expect(deriveScenarioId('upper', 17, 'a')).not.toBe(deriveScenarioId('upper', 17, 'b'));
    expect(deriveScenarioId('upper', 17, 'a', 'b')).not.toBe(deriveScenarioId('upper', 17, 'ab'));
  });
});

describe('describeResourceArn', () => {
  it.each([
    ['arn:aws:s3:::bucket', 's3', 'bucket'],
    ['arn:aws:s3:::bucket/a/b.csv', 's3', 'object'],
    ['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', 'dynamodb', 'table'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123', 'secretsmanager', 'secret'],
    ['arn:aws:sqs:eu-west-1:123456789012:orders', 'sqs', 'queue'],
    ['arn:aws:sns:eu-west-1:123456789012:alerts', 'sns', 'topic'],
    ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd', 'kms', 'key'],
  ])('%s is a %s %s', (arn, service, resourceType) => {
    expect(describeResourceArn(arn)).toEqual({ service, resourceType });
  });
});
