import { describe, expect, it } from 'vitest';
import type { AssumeRoleRequest } from './AssumeRoleRequest.js';
import { validateAssumeRoleRequest } from './validateAssumeRoleRequest.js';

const base: AssumeRoleRequest = { roleArn: 'arn:aws:iam::111122223333:role/Admin', roleSessionName: 'dev' };
const messageOf = (request: Partial<AssumeRoleRequest>) => validateAssumeRoleRequest({ ...base, ...request })?.message;

describe('validateAssumeRoleRequest', () => {
  it('accepts a well-formed request', () => {
    expect(
      validateAssumeRoleRequest({
        ...base,
        durationSeconds: 900,
        externalId: 'ext:id/1',
        sourceIdentity: 'alice@example.com',
        tags: [{ key: 'team', value: '' }],
        transitiveTagKeys: ['TEAM'],
        serialNumber: 'arn:aws:iam::111122223333:mfa/alice',
        tokenCode: '123456',
      }),
    ).toBeNull();
  });

  it('refuses session tag keys with the reserved aws: prefix', () => {
    expect(validateAssumeRoleRequest({ ...base, tags: [{ key: 'aws:team', value: 'x' }] })).toMatchObject({
      code: 'ValidationError',
      source: 'tags',
    });
    expect(validateAssumeRoleRequest({ ...base, tags: [{ key: 'team', value: 'aws:x' }] })).toBeNull();
  });
  it("reports a session name with AWS's exact message", () => {
    expect(messageOf({ roleSessionName: 'bad name' })).toBe(
      "1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(validateAssumeRoleRequest({ ...base, roleSessionName: 'x' })).toMatchObject({
      code: 'ValidationError',
      source: 'roleSessionName',
    });
  });

  it('reports several violations in one message', () => {
    expect(messageOf({ roleSessionName: 'x', durationSeconds: 100 })).toBe(
      "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(messageOf({ durationSeconds: 43_201 })).toContain('Member must have value less than or equal to 43200');
  });

  it('checks the external id, token code, serial number and role ARN', () => {
    expect(messageOf({ externalId: 'a b' })).toContain(
      "at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
    );
    expect(messageOf({ externalId: 'a' })).toContain('Member must have length greater than or equal to 2');
    expect(messageOf({ serialNumber: 'arn:aws:iam::1:mfa/a', tokenCode: '12345' })).toContain(
      "Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
    expect(messageOf({ serialNumber: 'arn:aws:iam::1:mfa/a', tokenCode: '12345a' })).toContain(
      'Member must satisfy regular expression pattern: [\\d]*',
    );
    expect(messageOf({ roleArn: 'arn:aws:iam::1:role' })).toContain(
      "at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
    expect(messageOf({ serialNumber: 'arn:aws:iam::1:mfa/a' })).toBe(
      'SerialNumber and TokenCode must be specified together.',
    );
  });

  it('checks tags: count, key and value lengths, case-insensitive duplicates, transitive keys', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(messageOf({ tags: many })).toContain(
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    expect(messageOf({ tags: [{ key: 'k'.repeat(129), value: 'v' }] })).toContain(
      "at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect(messageOf({ tags: [{ key: 'k', value: 'v'.repeat(257) }] })).toContain("at 'tags.1.member.value'");
    expect(
      messageOf({
        tags: [
          { key: 'Team', value: 'a' },
          { key: 'team', value: 'b' },
        ],
      }),
    ).toBe('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    expect(messageOf({ tags: [{ key: 'team', value: 'a' }], transitiveTagKeys: ['project'] })).toContain(
      "transitive tag key 'project'",
    );
  });

  it('checks source identity and session policy limits', () => {
    expect(messageOf({ sourceIdentity: 'aws:alice' })).toBe(
      "SourceIdentity must not start with the reserved prefix 'aws:'.",
    );
    expect(messageOf({ sourceIdentity: 'a' })).toContain("at 'sourceIdentity'");
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::111122223333:policy/p${i}`);
    expect(messageOf({ policyArns: arns })).toBe('The number of managed session policies must not exceed 10.');
    expect(messageOf({ policy: 'x'.repeat(2049) })).toContain(
      "at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
    expect(
      messageOf({ policy: 'x'.repeat(2000), policyArns: ['arn:aws:iam::111122223333:policy/long-policy-name-here'] }),
    ).toContain('must not exceed 2048 characters');
  });
});
