import { describe, expect, it } from 'vitest';
import { formatIamArn, formatKmsKeyArn, formatS3Arn } from './formatArns.js';
import { parseResourceArn } from './parseResourceArn.js';

describe('parseResourceArn', () => {
  it('parses IAM entities with paths and AWS managed policies', () => {
    expect(parseResourceArn('arn:aws:iam::111122223333:group/eng/devs')).toEqual({
      kind: 'iamGroup',
      account: '111122223333',
      path: '/eng/',
      name: 'devs',
    });
    expect(parseResourceArn('arn:aws:iam::111122223333:policy/ReadOnly')).toEqual({
      kind: 'iamPolicy',
      account: '111122223333',
      path: '/',
      name: 'ReadOnly',
    });
    expect(parseResourceArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')).toEqual({
      kind: 'awsManagedPolicy',
      path: '/service-role/',
      name: 'AWSLambdaRole',
    });
    expect(parseResourceArn('arn:aws:iam::111122223333:root')).toEqual({
      kind: 'accountRoot',
      account: '111122223333',
    });
  });
  it('parses sessions, S3 and KMS resources, and falls back to generic', () => {
    expect(parseResourceArn('arn:aws:sts::111122223333:assumed-role/Admin/s1')).toMatchObject({
      kind: 'roleSession',
      roleName: 'Admin',
      sessionName: 's1',
    });
    expect(parseResourceArn('arn:aws:s3:::bucket')).toEqual({ kind: 's3Bucket', bucket: 'bucket' });
    expect(parseResourceArn('arn:aws:s3:::bucket/a/b.txt')).toEqual({
      kind: 's3Object',
      bucket: 'bucket',
      key: 'a/b.txt',
    });
    expect(parseResourceArn('arn:aws:kms:us-east-1:111122223333:key/abcd')).toMatchObject({
      kind: 'kmsKey',
      keyId: 'abcd',
    });
    expect(parseResourceArn('arn:aws:kms:us-east-1:111122223333:alias/app')).toMatchObject({
      kind: 'kmsAlias',
      alias: 'app',
    });
    expect(parseResourceArn('arn:aws:sqs:us-east-1:111122223333:queue')?.kind).toBe('generic');
    expect(parseResourceArn('not-an-arn')).toBeNull();
  });
  it('formats what it parses', () => {
    expect(formatIamArn('111122223333', 'role', 'Admin', '/ops/')).toBe('arn:aws:iam::111122223333:role/ops/Admin');
    expect(formatS3Arn('bucket', 'a/b')).toBe('arn:aws:s3:::bucket/a/b');
    expect(formatS3Arn('bucket')).toBe('arn:aws:s3:::bucket');
    expect(formatKmsKeyArn('eu-west-1', '111122223333', 'k')).toBe('arn:aws:kms:eu-west-1:111122223333:key/k');
  });
});
