import { describe, expect, it } from 'vitest';
import { findIssuedCredentials } from './findIssuedCredentials.js';

const credentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: 'later',
};

describe('findIssuedCredentials', () => {
  it('finds assumeRole credentials', () => {
    const result = {
      data: { assumeRole: { credentials, assumedRoleUser: { arn: 'arn:aws:sts::1:assumed-role/R/s' } } },
    };
    expect(findIssuedCredentials(result)).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('finds credentials under an alias and inside lists', () => {
    expect(findIssuedCredentials({ data: { chain: [{ hop: null }, { step: { credentials } }] } })?.accessKeyId).toBe(
      'ASIAEXAMPLE',
    );
  });

  it('ignores incomplete credentials, errors and results without data', () => {
    expect(
      findIssuedCredentials({ data: { assumeRole: { credentials: { accessKeyId: 'ASIA', secretAccessKey: 's' } } } }),
    ).toBeNull();
    expect(findIssuedCredentials({ errors: [{ message: 'AccessDenied' }] })).toBeNull();
    expect(findIssuedCredentials(null)).toBeNull();
    expect(findIssuedCredentials('text')).toBeNull();
  });
});
