import { describe, expect, it } from 'vitest';
import { parseBasicAuth } from './parseBasicAuth.js';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuth', () => {
  it('splits at the first colon, so secrets may hold colons', () => {
    expect(parseBasicAuth(basic('AKIAEXAMPLE:se:cret'))).toEqual({
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'se:cret',
    });
  });

  it('ignores other schemes and reports malformed Basic values', () => {
    expect(parseBasicAuth(undefined)).toBeNull();
    expect(parseBasicAuth('Bearer x')).toBeNull();
    expect(parseBasicAuth(basic('nocolon'))).toBe('malformed');
    expect(parseBasicAuth(basic(':secret'))).toBe('malformed');
  });
});
