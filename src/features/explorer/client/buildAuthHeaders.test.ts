import { describe, expect, it } from 'vitest';
import { buildAuthHeaders } from './buildAuthHeaders.js';

describe('buildAuthHeaders', () => {
  it('sends a long-term access key as HTTP Basic with no token header', () => {
    const headers = buildAuthHeaders({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's3cr:et', sessionToken: '' });
    expect(headers).toEqual({ Authorization: `Basic ${Buffer.from('AKIAEXAMPLE:s3cr:et').toString('base64')}` });
  });

  it('adds X-Amz-Security-Token for temporary credentials', () => {
    const headers = buildAuthHeaders({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: ' tok ' });
    expect(headers['X-Amz-Security-Token']).toBe('tok');
    expect(headers.Authorization).toBe(`Basic ${Buffer.from('ASIAEXAMPLE:secret').toString('base64')}`);
  });

  it('encodes the secret as UTF-8 bytes', () => {
    const headers = buildAuthHeaders({ accessKeyId: 'AKIA', secretAccessKey: 'pässwörd€', sessionToken: '' });
    expect(headers.Authorization).toBe(`Basic ${Buffer.from('AKIA:pässwörd€', 'utf8').toString('base64')}`);
  });

  it('sends nothing without both an access key id and a secret', () => {
    expect(buildAuthHeaders({ accessKeyId: '', secretAccessKey: 'x', sessionToken: 't' })).toEqual({});
    expect(buildAuthHeaders({ accessKeyId: 'AKIA', secretAccessKey: '', sessionToken: '' })).toEqual({});
  });
});
