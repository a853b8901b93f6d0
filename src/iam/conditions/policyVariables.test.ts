import { describe, expect, it } from 'vitest';
import { parseTemplate, resolveTemplate } from './policyVariables.js';

const lookup = (values: Record<string, string>) => (key: string) => values[key];

describe('policy variables', () => {
  it('substitutes ${aws:username} case-insensitively by key', () => {
    const template = parseTemplate('home/${aws:UserName}/*', true);
    expect(template.variables).toEqual(['aws:username']);
    expect(resolveTemplate(template, lookup({ 'aws:username': 'alice' }))).toEqual({
      parts: ['home/', 'alice', '/', { wildcard: '*' }],
    });
  });
  it('turns ${*}, ${?} and ${$} into literal characters', () => {
    const template = parseTemplate('a${*}b${?}c${$}', true);
    expect(template.parts).toEqual(['a*b?c$']);
  });
  it('uses the default when the key is missing and reports the key otherwise', () => {
    expect(resolveTemplate(parseTemplate("${aws:PrincipalTag/team, 'none'}", true), lookup({}))).toEqual({
      parts: ['none'],
    });
    expect(resolveTemplate(parseTemplate('${aws:username}', true), lookup({}))).toEqual({ missingKey: 'aws:username' });
  });
  it('keeps ${…} as text when variables are disabled (Version 2008-10-17) or malformed', () => {
    expect(parseTemplate('${aws:username}', false).parts).toEqual(['${aws:username}']);
    expect(parseTemplate('${not closed', true).parts).toEqual(['${not closed']);
  });
});
