import { describe, expect, it } from 'vitest';
import { defaultExplorerExamples } from '../../explorerExamples.js';
import { suggestGraphScopes } from './suggestGraphScopes.js';

describe('suggestGraphScopes', () => {
  it('finds the accounts and the who-can and path questions of the default tabs', () => {
    expect(suggestGraphScopes(defaultExplorerExamples)).toEqual({
      accountIds: ['100000000001', '100000000002', '100000000003'],
      whoCanAccess: {
        kind: 'whoCanAccess',
        resourceArn: 'arn:aws:s3:::auditor-prod-ledger/2026/q1.csv',
        action: 's3:GetObject',
      },
      assumeRolePaths: {
        kind: 'assumeRolePaths',
        fromArn: 'arn:aws:iam::100000000001:user/alice',
        toRoleArn: 'arn:aws:iam::100000000002:role/SecurityAudit',
      },
    });
  });

  it('suggests nothing for tabs without variables', () => {
    expect(suggestGraphScopes([{ title: 'x', query: '{ a }' }])).toEqual({
      accountIds: [],
      whoCanAccess: null,
      assumeRolePaths: null,
    });
  });
});
