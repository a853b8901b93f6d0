import { describe, expect, it } from 'vitest';
import { buildAssumeRoleContext } from './buildAssumeRoleContext.js';
import { buildRevokeSessionsPolicy, REVOKE_SESSIONS_POLICY_NAME } from './buildRevokeSessionsPolicy.js';
import { buildSessionPrincipalContext } from './buildSessionPrincipalContext.js';

const now = new Date('2026-03-01T12:00:00.000Z');
const byKey = (entries: { key: string; values: string[] }[]) =>
  Object.fromEntries(entries.map((e) => [e.key, e.values]));

describe('buildAssumeRoleContext', () => {
  it('holds the STS keys of the request and leaves out what was not passed', () => {
    const entries = buildAssumeRoleContext(
      { roleArn: 'arn:aws:iam::1:role/r', roleSessionName: 'dev' },
      { authenticatedAt: null, temporaryCredentials: false },
      now,
    );
    expect(entries).toEqual([{ key: 'sts:RoleSessionName', values: ['dev'], type: 'string' }]);
  });

  it('adds external id, source identity, tags, transitive keys and MFA', () => {
    const entries = buildAssumeRoleContext(
      {
        roleArn: 'arn:aws:iam::1:role/r',
        roleSessionName: 'dev',
        externalId: 'ext',
        sourceIdentity: 'alice',
        tags: [
          { key: 'team', value: 'blue' },
          { key: 'env', value: 'dev' },
        ],
        transitiveTagKeys: ['team'],
      },
      { authenticatedAt: new Date(now.getTime() - 90_000), temporaryCredentials: true },
      now,
    );
    expect(byKey(entries)).toEqual({
      'sts:RoleSessionName': ['dev'],
      'sts:ExternalId': ['ext'],
      'sts:SourceIdentity': ['alice'],
      'aws:RequestTag/team': ['blue'],
      'aws:RequestTag/env': ['dev'],
      'aws:TagKeys': ['team', 'env'],
      'sts:TransitiveTagKeys': ['team'],
      'aws:MultiFactorAuthPresent': ['true'],
      'aws:MultiFactorAuthAge': ['90'],
    });
  });

  it('says MFA is absent (false) for temporary credentials without it', () => {
    const entries = buildAssumeRoleContext(
      { roleArn: 'arn:aws:iam::1:role/r', roleSessionName: 'dev' },
      { authenticatedAt: null, temporaryCredentials: true },
      now,
    );
    expect(byKey(entries)['aws:MultiFactorAuthPresent']).toEqual(['false']);
  });
});

describe('buildSessionPrincipalContext', () => {
  it('carries merged principal tags, source identity and the token issue time', () => {
    const entries = buildSessionPrincipalContext(
      {
        roleTags: [{ key: 'team', value: 'role' }],
        sessionTags: [{ key: 'Team', value: 'session' }],
        sourceIdentity: 'alice',
        mfaAuthenticatedAt: null,
        issuedAt: now,
      },
      now,
    );
    expect(byKey(entries)).toEqual({
      'aws:PrincipalTag/Team': ['session'],
      'aws:SourceIdentity': ['alice'],
      'aws:TokenIssueTime': ['2026-03-01T12:00:00.000Z'],
      'aws:MultiFactorAuthPresent': ['false'],
    });
  });
});

describe('buildRevokeSessionsPolicy', () => {
  it('denies everything to sessions issued before the revocation', () => {
    expect(REVOKE_SESSIONS_POLICY_NAME).toBe('AWSRevokeOlderSessions');
    expect(JSON.parse(buildRevokeSessionsPolicy(now))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: ['*'],
          Resource: ['*'],
          Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-03-01T12:00:00.000Z' } },
        },
      ],
    });
  });
});
