import { describe, expect, it } from 'vitest';
import {
  checkClientIds,
  checkThumbprints,
  formatOidcProviderArn,
  oidcProviderKeyOf,
  parseOidcProviderUrl,
} from './oidcProviderRules.js';

describe('OIDC provider rules', () => {
  it('keys a provider by its URL without https://, case-sensitively and unnormalised', () => {
    expect(parseOidcProviderUrl('https://token.actions.githubusercontent.com')).toEqual({
      ok: true,
      key: 'token.actions.githubusercontent.com',
    });
    expect(parseOidcProviderUrl('https://oidc.eks.us-east-1.amazonaws.com/id/ABC/')).toEqual({
      ok: true,
      key: 'oidc.eks.us-east-1.amazonaws.com/id/ABC/',
    });
    expect(formatOidcProviderArn('111122223333', 'idp.example.com/x')).toBe(
      'arn:aws:iam::111122223333:oidc-provider/idp.example.com/x',
    );
    expect(oidcProviderKeyOf('arn:aws:iam::111122223333:oidc-provider/idp.example.com/x')).toEqual({
      accountId: '111122223333',
      key: 'idp.example.com/x',
    });
    expect(oidcProviderKeyOf('arn:aws:iam::111122223333:role/x')).toBeNull();
  });

  it('refuses non-https, overlong and malformed URLs with InvalidInput', () => {
    expect(parseOidcProviderUrl('http://idp.example.com')).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: 'Url must begin with https://' },
    });
    expect(parseOidcProviderUrl(`https://${'a'.repeat(250)}.com`)).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput' },
    });
    expect(parseOidcProviderUrl('https://idp.example.com/?x=1')).toMatchObject({ ok: false });
    expect(parseOidcProviderUrl('https://')).toMatchObject({ ok: false });
  });

  it('limits client ids to 100 of 1–255 characters and thumbprints to five of 40 hex digits', () => {
    expect(checkClientIds(['sts.amazonaws.com'])).toBeNull();
    expect(checkClientIds([''])).toMatchObject({ code: 'InvalidInput' });
    expect(checkClientIds(Array.from({ length: 101 }, (_, i) => `c${i}`))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    });
    expect(checkThumbprints(['a'.repeat(40)])).toBeNull();
    expect(checkThumbprints(['z'.repeat(40)])).toMatchObject({ code: 'InvalidInput' });
    expect(checkThumbprints(Array.from({ length: 6 }, () => 'a'.repeat(40)))).toMatchObject({ code: 'InvalidInput' });
  });
});
