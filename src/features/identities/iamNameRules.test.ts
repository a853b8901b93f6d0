import { describe, expect, it } from 'vitest';
import { checkIamName, checkIamPath, checkMaxSessionDuration, checkTags } from './iamNameRules.js';

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return { code: (error as { extensions: { code: string } }).extensions.code, message: (error as Error).message };
  }
  return null;
};

describe('IAM name rules', () => {
  it('accepts IAM names of [\\w+=,.@-] up to the limit', () => {
    expect(codeOf(() => checkIamName('userName', 'a.b+c=d,e@f-g_h', 64))).toBeNull();
    expect(codeOf(() => checkIamName('userName', 'x'.repeat(64), 64))).toBeNull();
  });

  it('refuses long names, empty names and other characters in AWS words', () => {
    expect(codeOf(() => checkIamName('roleName', 'x'.repeat(65), 64))).toEqual({
      code: 'ValidationError',
      message: `1 validation error detected: Value '${'x'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
    expect(codeOf(() => checkIamName('groupName', '', 128))).toMatchObject({ code: 'ValidationError' });
    expect(codeOf(() => checkIamName('userName', 'a/b', 64))).toMatchObject({
      message: expect.stringContaining('regular expression pattern'),
    });
  });

  it('defaults the path to / and wants it to begin and end with /', () => {
    expect(checkIamPath(undefined)).toBe('/');
    expect(checkIamPath('/a/b/')).toBe('/a/b/');
    expect(codeOf(() => checkIamPath('/a'))).toMatchObject({
      code: 'ValidationError',
      message: expect.stringContaining('must begin and end with /'),
    });
    expect(codeOf(() => checkIamPath(`/${'a'.repeat(511)}/`))).toMatchObject({ code: 'ValidationError' });
  });

  it('bounds the role maximum session duration to 3600–43200 seconds', () => {
    expect(codeOf(() => checkMaxSessionDuration(3600))).toBeNull();
    expect(codeOf(() => checkMaxSessionDuration(43200))).toBeNull();
    expect(codeOf(() => checkMaxSessionDuration(3599))).toMatchObject({
      message: expect.stringContaining('greater than or equal to 3600'),
    });
    expect(codeOf(() => checkMaxSessionDuration(43201))).toMatchObject({
      message: expect.stringContaining('less than or equal to 43200'),
    });
  });

  it('checks tag keys, values and case-insensitive duplicates', () => {
    expect(
      codeOf(() =>
        checkTags([
          { key: 'team', value: '' },
          { key: 'cost-center', value: 'a b:c/d' },
        ]),
      ),
    ).toBeNull();
    expect(
      codeOf(() =>
        checkTags([
          { key: 'Team', value: 'a' },
          { key: 'team', value: 'b' },
        ]),
      ),
    ).toMatchObject({ code: 'InvalidInput' });
    expect(codeOf(() => checkTags([{ key: '', value: 'a' }]))).toMatchObject({ code: 'ValidationError' });
    expect(codeOf(() => checkTags([{ key: 'k', value: 'v'.repeat(257) }]))).toMatchObject({ code: 'ValidationError' });
    expect(codeOf(() => checkTags(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }))))).toMatchObject({
      code: 'ValidationError',
    });
  });
});
