import { describe, expect, it } from 'vitest';
import { listAllActions } from '../catalogue/awsServiceCatalogue.js';
import { computeEffectivePermissions } from './computeEffectivePermissions.js';
import { createFixtureModel, policyText } from './createFixtureModel.js';
import { describeSubject } from './evaluateAccess.js';

const ACCOUNT = '111111111111';
const statements = {
  admin: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  describe: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
};

function permissionsOf(name: keyof typeof statements) {
  const model = createFixtureModel({ accounts: [{ id: ACCOUNT, users: [{ name, policies: [statements[name]] }] }] });
  const user = model.principals.get(`arn:aws:iam::${ACCOUNT}:user/${name}`)!;
  const documents = new Map([[`arn:aws:iam::${ACCOUNT}:user/${name}:inline/p0`, policyText(statements[name])]]);
  return computeEffectivePermissions(model, describeSubject(model, user), documents);
}

describe('computeEffectivePermissions', () => {
  it('lists the whole AWS action catalogue for an administrator', () => {
    const permissions = permissionsOf('admin');
    expect(permissions.length).toBe(listAllActions().length);
    expect(permissions.find((p) => p.action === 'ec2:CreateSubnet')?.resources).toEqual(['*']);
  });
  it('expands ec2:Describe* to every Describe action of EC2', () => {
    const actions = permissionsOf('describe').map((p) => p.action);
    expect([...actions].sort()).toEqual(listAllActions().filter((action) => action.startsWith('ec2:Describe')));
    expect(actions.length).toBeGreaterThan(150);
  });
});
