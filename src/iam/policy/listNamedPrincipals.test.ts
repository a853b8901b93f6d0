import { describe, expect, it } from 'vitest';
import { listNamedPrincipals } from './listNamedPrincipals.js';

describe('listNamedPrincipals', () => {
  it('lists the users and roles a policy names, not accounts, services or *', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['arn:aws:iam::111122223333:role/team/Deploy', 'arn:aws:iam::111122223333:root', '444455556666'],
            Service: 'ec2.amazonaws.com',
          },
          Action: 's3:GetObject',
          Resource: '*',
        },
        {
          Effect: 'Deny',
          NotPrincipal: {
            AWS: [
              'arn:aws:iam::111122223333:user/alice',
              'arn:aws:iam::111122223333:role/team/Deploy',
              'AROAEXAMPLEDEPLOY0001',
            ],
          },
          Action: 's3:GetObject',
          Resource: '*',
        },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
      ],
    });
    expect(listNamedPrincipals(text, 'resource')).toEqual([
      'arn:aws:iam::111122223333:role/team/Deploy',
      'arn:aws:iam::111122223333:user/alice',
      'AROAEXAMPLEDEPLOY0001',
    ]);
    expect(listNamedPrincipals('{', 'trust')).toEqual([]);
  });
});
