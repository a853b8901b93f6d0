import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../iam/policy/validatePolicy.js';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn, awsManagedPolicyId } from './awsManagedPolicies.js';
import { AWS_MANAGED_POLICIES_MIGRATION, buildAwsManagedPoliciesSql } from './buildAwsManagedPoliciesSql.js';

describe('the AWS managed policy catalogue', () => {
  it('holds the policies people attach most, each a valid identity policy', () => {
    const names = AWS_MANAGED_POLICIES.map((policy) => policy.name);
    for (const name of ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'IAMFullAccess', 'AmazonS3ReadOnlyAccess', 'AmazonS3FullAccess', 'SecurityAudit', 'ViewOnlyAccess']) {
      expect(names).toContain(name);
    }
    for (const policy of AWS_MANAGED_POLICIES) {
      expect(validatePolicy(policy.document, 'identity').errors, policy.name).toEqual([]);
    }
  });

  it('gives AWS-style ARNs and stable, distinct ANPA ids', () => {
    expect(awsManagedPolicyArn({ name: 'ViewOnlyAccess', path: '/job-function/' })).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    const ids = AWS_MANAGED_POLICIES.map((policy) => awsManagedPolicyId(policy.name));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(awsManagedPolicyId('AdministratorAccess')).toBe(awsManagedPolicyId('AdministratorAccess'));
  });

  it('is seeded by a migration that matches the catalogue exactly', () => {
    const file = new URL(`../../../prisma/migrations/${AWS_MANAGED_POLICIES_MIGRATION}/migration.sql`, import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(buildAwsManagedPoliciesSql());
  });
});
