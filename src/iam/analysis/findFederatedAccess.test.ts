import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { AnalysisRole } from './AuthorizationModel.js';
import { listFederatedTrust } from './findFederatedAccess.js';

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const OKTA = 'arn:aws:iam::111122223333:saml-provider/Okta';

/** A role with only what listFederatedTrust reads: its trust statements. */
function roleTrusting(statements: object[]): AnalysisRole {
  const policy = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'trust').policy;
  if (policy === null) throw new Error('test trust policy does not parse');
  return {
    trustStatements: policy.statements.map((parsed) => ({ parsed, allowsAssumeRole: false })),
  } as unknown as AnalysisRole;
}

const allowGithub = {
  Effect: 'Allow',
  Principal: { Federated: GITHUB },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } },
};

describe('listFederatedTrust', () => {
  it('reports an Allow naming the provider, with the conditions that gate it', () => {
    const trust = listFederatedTrust(roleTrusting([allowGithub]));
    expect(trust).toEqual([
      {
        providerArn: GITHUB,
        action: 'sts:AssumeRoleWithWebIdentity',
        conditions: [expect.objectContaining({ key: 'token.actions.githubusercontent.com:sub' })],
      },
    ]);
  });

  it('matches actions with the engine: wildcards and NotAction count, and only the federated actions', () => {
    expect(
      listFederatedTrust(
        roleTrusting([{ Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:AssumeRoleWith*' }]),
      ).map((t) => t.action),
    ).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']);
    expect(
      listFederatedTrust(
        roleTrusting([{ Effect: 'Allow', Principal: { Federated: OKTA }, NotAction: 'sts:AssumeRoleWithWebIdentity' }]),
      ).map((t) => t.action),
    ).toEqual(['sts:AssumeRoleWithSAML']);
  });

  it('drops a way in that a Deny without conditions closes for every token (AWS: an explicit deny wins)', () => {
    const denyAll = { Effect: 'Deny', Principal: '*', Action: 'sts:*' };
    expect(listFederatedTrust(roleTrusting([allowGithub, denyAll]))).toEqual([]);
    const denyGithub = { Effect: 'Deny', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity' };
    expect(listFederatedTrust(roleTrusting([allowGithub, denyGithub]))).toEqual([]);
  });

  it('keeps a way in when the Deny covers another provider, another action or only some tokens', () => {
    const denyOkta = { Effect: 'Deny', Principal: { Federated: OKTA }, Action: 'sts:*' };
    const denySaml = { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRoleWithSAML' };
    const denySome = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:pull_request' } },
    };
    for (const deny of [denyOkta, denySaml, denySome])
      expect(listFederatedTrust(roleTrusting([allowGithub, deny])).map((t) => t.providerArn)).toEqual([GITHUB]);
  });

  it('filters to one provider when asked', () => {
    const both = { Effect: 'Allow', Principal: { Federated: [GITHUB, OKTA] }, Action: 'sts:AssumeRoleWith*' };
    expect(listFederatedTrust(roleTrusting([both]), OKTA).map((t) => t.providerArn)).toEqual([OKTA, OKTA]);
  });
});
