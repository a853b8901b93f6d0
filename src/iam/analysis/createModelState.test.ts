import { describe, expect, it } from 'vitest';
import { createFixtureRows } from './createFixtureModel.js';
import { createModelState } from './createModelState.js';
import { describeSubject } from './evaluateAccess.js';

const spec = (parentId: string) => ({
  organization: { id: 'o-example', managementAccountId: '111111111111', units: [{ id: 'ou-a' }, { id: 'ou-b' }] },
  accounts: [
    { id: '111111111111', users: [{ name: 'admin' }] },
    {
      id: '222222222222',
      parentId,
      users: [{ name: 'alice', policies: [[{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]] }],
    },
  ],
});

describe('createModelState', () => {
  it('patches an account write while sharing the other accounts, and sees an organization change in principals it kept', () => {
    // Given a model where alice's account sits in ou-a
    const state = createModelState();
    const before = createFixtureRows(spec('ou-a'));
    const first = state.rebuild(before.organizations, before.slices).model;
    const alice = first.principals.get('arn:aws:iam::222222222222:user/alice')!;
    expect(describeSubject(first, alice).principal.orgPaths).toEqual(['o-example/r-root/ou-a/']);

    // When only the account moves to ou-b (its IAM rows unchanged, so its slice and principal objects are kept)
    const after = createFixtureRows(spec('ou-b'));
    const { model, organizationsChanged } = state.apply(after.organizations, []);

    // Then the same principal object is described with its new organization path
    expect(organizationsChanged).toBe(true);
    expect(model.principals.get(alice.arn)).toBe(alice);
    expect(describeSubject(model, alice).principal.orgPaths).toEqual(['o-example/r-root/ou-b/']);

    // And a write to the other account replaces that account's slice only
    const admin = model.principals.get('arn:aws:iam::111111111111:user/admin')!;
    const next = state.apply(after.organizations, [{ ...after.slices[0]!, users: [] }]).model;
    expect(next.principals.has(admin.arn)).toBe(false);
    expect(next.principals.get(alice.arn)).toBe(alice);
    expect(model.principals.get(admin.arn)).toBe(admin);
  });
});
