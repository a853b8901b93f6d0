import { describe, expect, it } from 'vitest';
import { formatArn, isAccountId, parseArn } from './parseArn.js';
import { parsePrincipal } from './parsePrincipal.js';
import { formatRoleSessionArn, isSessionOfRole, roleArnFromSessionArn } from './roleSessionArn.js';

describe('parseArn', () => {
  it('keeps colons and slashes in the resource part', () => {
    expect(parseArn('arn:aws:kms:us-east-1:111122223333:key/1234-abcd')).toEqual({
      partition: 'aws',
      service: 'kms',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'key/1234-abcd',
    });
    expect(parseArn('arn:aws:lambda:us-east-1:111122223333:function:my-fn:1')?.resource).toBe('function:my-fn:1');
  });
  it('parses S3 buckets and objects with empty region and account', () => {
    const arn = parseArn('arn:aws:s3:::bucket/path/to/key.txt');
    expect(arn).toMatchObject({ service: 's3', region: '', account: '', resource: 'bucket/path/to/key.txt' });
  });
  it('rejects text that is not an ARN', () => {
    for (const bad of ['*', 'arn:aws:s3', 'arn::s3:::b', 'arn:aws:s3:::', 'foo:aws:s3:::b'])
      expect(parseArn(bad)).toBeNull();
  });
  it('round-trips through formatArn', () => {
    const text = 'arn:aws:iam::aws:policy/AdministratorAccess';
    expect(formatArn(parseArn(text)!)).toBe(text);
  });
  it('recognises account ids', () => {
    expect(isAccountId('111122223333')).toBe(true);
    expect(isAccountId('11112222333')).toBe(false);
  });
});

describe('parsePrincipal', () => {
  it('parses users and roles with paths', () => {
    expect(parsePrincipal('arn:aws:iam::111122223333:user/division/alice')).toMatchObject({
      kind: 'user',
      account: '111122223333',
      name: 'alice',
      path: '/division/',
    });
    expect(parsePrincipal('arn:aws:iam::111122223333:role/Admin')).toMatchObject({
      kind: 'role',
      name: 'Admin',
      path: '/',
    });
  });
  it('parses role sessions, roots, bare account ids, services and *', () => {
    expect(parsePrincipal('arn:aws:sts::111122223333:assumed-role/Admin/bob')).toMatchObject({
      kind: 'assumedRole',
      name: 'Admin',
      sessionName: 'bob',
    });
    expect(parsePrincipal('arn:aws:iam::111122223333:root')?.kind).toBe('root');
    expect(parsePrincipal('111122223333')).toMatchObject({ kind: 'root', arn: 'arn:aws:iam::111122223333:root' });
    expect(parsePrincipal('lambda.amazonaws.com')?.kind).toBe('service');
    expect(parsePrincipal('*')?.kind).toBe('wildcard');
    expect(parsePrincipal('arn:aws:sts::111122223333:federated-user/carol')?.kind).toBe('federatedUser');
  });
  it('rejects malformed principals', () => {
    for (const bad of [
      'arn:aws:iam::1234:user/a',
      'arn:aws:iam::111122223333:group/devs',
      'nobody',
      'arn:aws:s3:::b',
    ]) {
      expect(parsePrincipal(bad)).toBeNull();
    }
  });
});

describe('role sessions', () => {
  it('drops the role path in the session ARN', () => {
    expect(formatRoleSessionArn('arn:aws:iam::111122223333:role/ops/Admin', 's1')).toBe(
      'arn:aws:sts::111122223333:assumed-role/Admin/s1',
    );
    expect(formatRoleSessionArn('arn:aws:iam::111122223333:user/Admin', 's1')).toBeNull();
  });
  it('maps a session back to its role', () => {
    const session = 'arn:aws:sts::111122223333:assumed-role/Admin/s1';
    expect(isSessionOfRole(session, 'arn:aws:iam::111122223333:role/ops/Admin')).toBe(true);
    expect(isSessionOfRole(session, 'arn:aws:iam::444455556666:role/Admin')).toBe(false);
    expect(roleArnFromSessionArn(session)).toBe('arn:aws:iam::111122223333:role/Admin');
  });
});
