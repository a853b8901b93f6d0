import { describe, expect, it } from 'vitest';
import {
  checkConditionKey,
  findAction,
  findService,
  getCatalogueSource,
  isRcpSupportedService,
  listAllActions,
  listServicePrefixes,
} from './awsServiceCatalogue.js';

describe('the generated AWS service catalogue', () => {
  it('holds every service and action of the pinned data package', () => {
    expect(getCatalogueSource()).toMatch(/^@cloud-copilot\/iam-data@\d/);
    expect(listServicePrefixes().length).toBeGreaterThan(400);
    expect(listAllActions().length).toBeGreaterThan(20_000);
    expect(listAllActions().filter((action) => action.startsWith('ec2:Describe')).length).toBeGreaterThan(150);
  });

  it('describes an action: access level, resource types and condition keys, found case-insensitively', () => {
    const action = findAction('S3:getobject');
    expect(action?.action).toBe('s3:GetObject');
    expect(action?.accessLevel).toBe('Read');
    expect(action?.resourceTypes).toContainEqual({ name: 'object', required: false });
    expect(action?.conditionKeys).toContain('s3:TlsVersion');
    expect(findAction('iam:PutRolePolicy')?.accessLevel).toBe('Permissions management');
    expect(findAction('iam:TagRole')?.accessLevel).toBe('Tagging');
    expect(findAction('s3:ListAllMyBuckets')?.resourceTypes).toEqual([]);
    expect(findAction('s3:GetObjekt')).toBeNull();
    expect(findAction('nosuchservice:GetObject')).toBeNull();
  });

  it('describes a service: resource ARN formats and condition keys', () => {
    const s3 = findService('s3')!;
    expect(s3.resourceTypes.bucket).toBe('arn:${Partition}:s3:::${BucketName}');
    expect(s3.conditionKeys['s3:prefix']).toBe('String');
    expect(findService('nosuchservice')).toBeNull();
  });

  it('checks service condition keys, templated ones by prefix', () => {
    expect(checkConditionKey('s3:prefix')).toBe('known');
    expect(checkConditionKey('S3:ExistingObjectTag/team')).toBe('known');
    expect(checkConditionKey('s3:prefx')).toBe('unknown');
    expect(checkConditionKey('custom:anything')).toBe('uncatalogued');
  });

  it('knows which services RCPs govern', () => {
    for (const service of ['s3', 'sts', 'sqs', 'kms', 'secretsmanager'])
      expect(isRcpSupportedService(service)).toBe(true);
    expect(isRcpSupportedService('iam')).toBe(false);
    expect(isRcpSupportedService('ec2')).toBe(false);
  });
});
