import { describe, expect, it } from 'vitest';
import { findAction } from '../../iam/index.js';
import { resourceActions } from './resourceActions.js';

describe('resource actions', () => {
  it('uses each service own API action, all of them real actions', () => {
    expect(resourceActions('s3', 'bucket')).toEqual({ create: 's3:CreateBucket', putPolicy: 's3:PutBucketPolicy' });
    expect(resourceActions('s3', 'object').putPolicy).toBeNull();
    for (const [service, type] of [
      ['s3', 'bucket'],
      ['sqs', 'queue'],
      ['sns', 'topic'],
      ['kms', 'key'],
      ['secretsmanager', 'secret'],
      ['lambda', 'function'],
    ] as const) {
      const actions = resourceActions(service, type);
      for (const action of [actions.create, actions.putPolicy]) {
        if (action === null) continue;
        expect(findAction(action)?.action, action).toBe(action);
      }
    }
  });

  it('falls back to service:CreateType and service:PutResourcePolicy', () => {
    expect(resourceActions('glacier', 'vaults')).toEqual({
      create: 'glacier:CreateVaults',
      putPolicy: 'glacier:PutResourcePolicy',
    });
    expect(resourceActions('es', 'domain-name').create).toBe('es:CreateDomainName');
  });
});
