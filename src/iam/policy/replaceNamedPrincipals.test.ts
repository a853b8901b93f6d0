import { describe, expect, it } from 'vitest';
import { replaceNamedPrincipals } from './replaceNamedPrincipals.js';

const deleted = new Map([
  ['arn:aws:iam::111122223333:role/team/Deploy', 'AROAEXAMPLEDEPLOY0001'],
  ['arn:aws:iam::111122223333:user/alice', 'AIDAEXAMPLEALICE00001'],
]);

describe('replaceNamedPrincipals', () => {
  it('replaces the deleted principals in Principal and NotPrincipal, and nothing else', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::111122223333:role/team/Deploy", "arn:aws:iam::111122223333:user/bob"] },
      "Action": "sts:AssumeRole",
      "Condition": { "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/alice" } }
    },
    { "Effect": "Deny", "NotPrincipal": {"AWS":"arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole" }
  ]
}`;
    expect(replaceNamedPrincipals(text, deleted)).toBe(
      text
        .replace('"arn:aws:iam::111122223333:role/team/Deploy"', '"AROAEXAMPLEDEPLOY0001"')
        .replace('{"AWS":"arn:aws:iam::111122223333:user/alice"}', '{"AWS":"AIDAEXAMPLEALICE00001"}'),
    );
  });

  it('leaves text that names none of them, or does not parse, unchanged', () => {
    const text = '{"Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"*"}}';
    expect(replaceNamedPrincipals(text, deleted)).toBe(text);
    expect(replaceNamedPrincipals('{', deleted)).toBe('{');
  });

  it('shows an existing principal written as its unique id by its ARN', () => {
    const text = '{"Statement":{"Effect":"Allow","Principal":{"AWS":["AIDAEXAMPLEALICE00001"]},"Action":"*"}}';
    expect(
      replaceNamedPrincipals(text, new Map([['AIDAEXAMPLEALICE00001', 'arn:aws:iam::111122223333:user/alice']])),
    ).toBe(
      '{"Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:user/alice"]},"Action":"*"}}',
    );
  });
});
