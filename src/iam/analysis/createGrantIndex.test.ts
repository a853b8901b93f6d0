import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleAuthorizationModel, patchAuthorizationModel } from './assembleAuthorizationModel.js';
import { buildAnalysisAccounts } from './buildAnalysisAccounts.js';
import { compileAccountSlice } from './compileAccountSlice.js';
import { findIdentityCandidates } from './createGrantIndex.js';
import { createFixtureRows, type FixtureSpec } from './createFixtureModel.js';
import { createPolicyTable } from './createPolicyTable.js';
import { describeSubject, describeTarget, evaluateAccess } from './evaluateAccess.js';

const ACCOUNTS = ['111111111111', '222222222222'];
const ACTIONS = [
  's3:GetObject',
  's3:Get*',
  's3:*',
  '*',
  'S3:getobject',
  'sqs:SendMessage',
  'sqs:Send*',
  'iam:PassRole',
  's3:*Object',
];
const RESOURCES = [
  '*',
  'arn:aws:s3:::data/*',
  'arn:aws:s3:::data/${aws:username}/*',
  'arn:aws:s3:::DATA/*',
  'arn:aws:s3:::d?ta/report.csv',
  'arn:aws:s3:::logs',
  'arn:aws:sqs:us-east-1:111111111111:*',
  'arn:aws:sqs:*:*:queue',
  'arn:aws:iam::*:role/app-*',
];
const QUESTIONS: [string, string][] = [
  ['s3:GetObject', 'arn:aws:s3:::data/report.csv'],
  ['s3:GetObject', 'arn:aws:s3:::data/u0/x'],
  ['s3:ListBucket', 'arn:aws:s3:::logs'],
  ['sqs:SendMessage', 'arn:aws:sqs:us-east-1:111111111111:queue'],
  ['iam:PassRole', 'arn:aws:iam::222222222222:role/app-1'],
];

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  action: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
  resource: fc.subarray(RESOURCES, { minLength: 1, maxLength: 3 }),
  not: fc.constantFrom('none', 'none', 'none', 'action', 'resource'),
});
const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements) =>
  statements.map(({ Effect, action, resource, not }) => ({
    Effect,
    [not === 'action' ? 'NotAction' : 'Action']: action,
    [not === 'resource' ? 'NotResource' : 'Resource']: resource,
  })),
);
const spec: fc.Arbitrary<FixtureSpec> = fc
  .tuple(
    fc.array(fc.array(policy, { maxLength: 2 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.array(policy, { maxLength: 2 }), { maxLength: 6 }),
  )
  .map(([users, roles]) => ({
    accounts: ACCOUNTS.map((id, a) => ({
      id,
      users: users.filter((_, i) => i % 2 === a).map((policies, i) => ({ name: `u${i}`, policies })),
      roles: roles.filter((_, i) => i % 2 === a).map((policies, i) => ({ name: `r${i}`, trust: [], policies })),
    })),
  }));

describe('the grant index', () => {
  it('finds every principal the engine allows an action on a resource', () => {
    let found = 0;
    fc.assert(
      fc.property(spec, (fixture) => {
        const { organizations, slices } = createFixtureRows(fixture);
        const table = createPolicyTable();
        const model = assembleAuthorizationModel(
          buildAnalysisAccounts(organizations),
          slices.map((slice) => compileAccountSlice(slice, table)),
        );
        for (const [action, resource] of QUESTIONS) {
          const candidates = findIdentityCandidates(model.grants, action, resource);
          for (const principal of model.principals.values()) {
            const target = describeTarget(model, resource, action);
            if (evaluateAccess(model, describeSubject(model, principal), action, target).evalDecision === 'allowed') {
              expect(candidates.has(principal)).toBe(true);
              found++;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
    // Not vacuous: the property met many allowed principals.
    expect(found).toBeGreaterThan(100);
  });

  it('patching one account gives the model a full rebuild gives', () => {
    fc.assert(
      fc.property(spec, spec, (before, after) => {
        const table = createPolicyTable();
        const compile = (fixture: FixtureSpec) => {
          const { organizations, slices } = createFixtureRows(fixture);
          return {
            accounts: buildAnalysisAccounts(organizations),
            slices: slices.map((slice) => compileAccountSlice(slice, table)),
          };
        };
        const first = compile(before);
        const second = compile({ accounts: [before.accounts[0]!, after.accounts[1]!] });
        const patched = patchAuthorizationModel(
          assembleAuthorizationModel(first.accounts, first.slices),
          second.accounts,
          [second.slices[1]!],
          [],
        );
        const rebuilt = assembleAuthorizationModel(second.accounts, [first.slices[0]!, second.slices[1]!]);
        expect([...patched.principals.keys()].sort()).toEqual([...rebuilt.principals.keys()].sort());
        expect([...patched.policyDocuments].sort()).toEqual([...rebuilt.policyDocuments].sort());
        for (const [action, resource] of QUESTIONS) {
          const arns = (model: typeof patched) =>
            [...findIdentityCandidates(model.grants, action, resource)].map((p) => p.arn).sort();
          expect(arns(patched)).toEqual(arns(rebuilt));
        }
      }),
      { numRuns: 100 },
    );
  });
});
