import { describe, expect, it } from 'vitest';
import { compilePolicy, createContextFromEntries, evaluateRequest } from '../index.js';
import { readWebIdentityClaims } from './readWebIdentityClaims.js';

const provider = {
  arn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
  key: 'token.actions.githubusercontent.com',
  clientIds: ['sts.amazonaws.com'],
};
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:acme/app:ref:refs/heads/main',
  aud: 'sts.amazonaws.com',
  ...extra,
});

describe('readWebIdentityClaims', () => {
  it('offers the provider keys and aws:FederatedProvider that a GitHub trust policy pins', () => {
    const read = readWebIdentityClaims(claims({ repository: 'acme/app', amr: ['pwd', 'mfa'] }), provider);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const trust = compilePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: provider.arn },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'aws:FederatedProvider': provider.arn,
              },
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/*' },
              'ForAnyValue:StringEquals': { 'token.actions.githubusercontent.com:amr': 'mfa' },
            },
          },
        ],
      }),
      'trust',
      'trust',
    );
    expect(trust.ok).toBe(true);
    if (!trust.ok) return;
    const context = createContextFromEntries(read.value.context);
    expect(context.ok).toBe(true);
    if (!context.ok) return;
    const decide = (ctx: typeof context.context) =>
      evaluateRequest({
        action: 'sts:AssumeRoleWithWebIdentity',
        principal: { arn: provider.arn, account: '111122223333', type: 'FederatedUser' },
        resource: { arn: 'arn:aws:iam::111122223333:role/Deploy', account: '111122223333', kind: 'trust' },
        identityPolicies: [],
        permissionsBoundary: null,
        sessionPolicies: null,
        scpLevels: [],
        rcpLevels: [],
        resourcePolicy: trust.policy,
        context: ctx,
      }).evalDecision;
    expect(decide(context.context)).toBe('allowed');
    const pr = readWebIdentityClaims(claims({ sub: 'repo:acme/app:pull_request', amr: ['mfa'] }), provider);
    const prContext = pr.ok ? createContextFromEntries(pr.value.context) : null;
    expect(prContext?.ok && decide(prContext.context)).toBe('implicitDeny');
  });

  it('maps :aud to azp when the token has one, and keeps aud as :oaud', () => {
    const read = readWebIdentityClaims(claims({ azp: 'client-1', aud: ['sts.amazonaws.com', 'other'] }), provider);
    expect(read.ok && read.value.context.filter((e) => e.key.endsWith('aud'))).toEqual([
      { key: 'token.actions.githubusercontent.com:aud', values: ['client-1'], type: 'string' },
      { key: 'token.actions.githubusercontent.com:oaud', values: ['sts.amazonaws.com', 'other'], type: 'stringList' },
    ]);
  });

  it('refuses a missing or foreign audience, a missing subject and malformed tags with AWS messages', () => {
    expect(readWebIdentityClaims(claims({ aud: undefined }), provider)).toEqual({
      ok: false,
      error: { code: 'InvalidIdentityToken', message: 'Missing a required claim: aud' },
    });
    expect(readWebIdentityClaims(claims({ aud: 'x' }), provider)).toEqual({
      ok: false,
      error: { code: 'InvalidIdentityToken', message: 'Incorrect token audience' },
    });
    expect(readWebIdentityClaims(claims({ sub: undefined }), provider).ok).toBe(false);
    expect(
      readWebIdentityClaims(claims({ 'https://aws.amazon.com/tags': { principal_tags: { a: ['1', '2'] } } }), provider)
        .ok,
    ).toBe(false);
  });

  it('reads session tags, transitive keys and the source identity from AWS claims', () => {
    const read = readWebIdentityClaims(
      claims({
        'https://aws.amazon.com/tags': {
          principal_tags: { team: ['web'], cost: ['42'] },
          transitive_tag_keys: ['team'],
        },
        'https://aws.amazon.com/source_identity': 'alice',
      }),
      provider,
    );
    expect(
      read.ok && { tags: read.value.tags, transitive: read.value.transitiveTagKeys, source: read.value.sourceIdentity },
    ).toEqual({
      tags: [
        { key: 'team', value: 'web' },
        { key: 'cost', value: '42' },
      ],
      transitive: ['team'],
      source: 'alice',
    });
  });
});
