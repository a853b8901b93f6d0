import { describe, expect, it } from 'vitest';
import { createFixtureModel } from './createFixtureModel.js';
import { evaluateAssumeRoleHop } from './evaluateAssumeRoleHop.js';

const A = '111111111111';
const B = '222222222222';
const trust = (actions: string[], condition: unknown) => [
  { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: actions, Condition: condition },
];
const model = createFixtureModel({
  accounts: [
    {
      id: A,
      users: [
        {
          name: 'ana',
          policies: [
            [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Resource: '*' }],
          ],
        },
      ],
      roles: [
        {
          name: 'Hopper',
          trust: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }],
          policies: [[{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]],
        },
      ],
    },
    {
      id: B,
      roles: [
        { name: 'Mfa', trust: trust(['sts:AssumeRole'], { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) },
        { name: 'Open', trust: trust(['sts:AssumeRole'], undefined) },
        {
          name: 'Tagged',
          trust: trust(['sts:AssumeRole', 'sts:TagSession'], { StringEquals: { 'aws:RequestTag/project': 'blue' } }),
        },
        {
          name: 'TaggedNoTagSession',
          trust: trust(['sts:AssumeRole'], { StringEquals: { 'aws:RequestTag/project': 'blue' } }),
        },
        {
          name: 'Source',
          trust: trust(['sts:AssumeRole', 'sts:SetSourceIdentity'], {
            StringLike: { 'sts:SourceIdentity': 'admin-*' },
          }),
        },
        { name: 'Denied', trust: trust(['sts:AssumeRole'], { StringEquals: { 'aws:PrincipalTag/team': 'red' } }) },
      ],
    },
  ],
});
const ana = model.principals.get(`arn:aws:iam::${A}:user/ana`)!;
const hop = (name: string) => evaluateAssumeRoleHop(model, ana, model.roles.get(`arn:aws:iam::${B}:role/${name}`)!);

describe('evaluateAssumeRoleHop', () => {
  it('reports MFA as a requirement', () => {
    expect(hop('Mfa')?.requirements).toMatchObject({ mfa: true, externalId: null });
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html: "The
  // temporary credentials returned by AssumeRole do not include MFA information in the context".
  it('never asks MFA of a role session chaining to the next role', () => {
    const hopper = model.principals.get(`arn:aws:iam::${A}:role/Hopper`)!;
    expect(evaluateAssumeRoleHop(model, hopper, model.roles.get(`arn:aws:iam::${B}:role/Mfa`)!)).toBeNull();
    expect(evaluateAssumeRoleHop(model, hopper, model.roles.get(`arn:aws:iam::${B}:role/Open`)!)).not.toBeNull();
  });

  it('reports required session tags only when sts:TagSession is allowed too', () => {
    expect(hop('Tagged')?.requirements.sessionTags).toEqual([{ key: 'project', value: 'blue' }]);
    expect(hop('TaggedNoTagSession')).toBeNull();
  });

  it('fills a pattern for a required source identity', () => {
    expect(hop('Source')?.requirements.sourceIdentity).toBe('admin-');
  });

  it('refuses a hop whose condition the caller cannot meet by passing parameters', () => {
    expect(hop('Denied')).toBeNull();
  });
});
