import { describe, expect, it } from 'vitest';
import { mergePrincipalTags, resolveSessionTags } from './resolveSessionTags.js';

describe('resolveSessionTags', () => {
  it('keeps request tags and their transitive keys', () => {
    expect(resolveSessionTags([{ key: 'team', value: 'blue' }], ['team'], null)).toEqual({
      ok: true,
      value: { tags: [{ key: 'team', value: 'blue' }], transitiveTagKeys: ['team'] },
    });
  });

  it('inherits only the transitive tags of the calling session, which stay transitive', () => {
    const inherited = {
      tags: [
        { key: 'Project', value: 'x' },
        { key: 'cost', value: '1' },
      ],
      transitiveTagKeys: ['project'],
    };
    expect(resolveSessionTags([{ key: 'team', value: 'blue' }], [], inherited)).toEqual({
      ok: true,
      value: {
        tags: [
          { key: 'Project', value: 'x' },
          { key: 'team', value: 'blue' },
        ],
        transitiveTagKeys: ['Project'],
      },
    });
  });

  it('refuses a passed key that collides with an inherited transitive key, case-insensitively', () => {
    const inherited = { tags: [{ key: 'Project', value: 'x' }], transitiveTagKeys: ['Project'] };
    const result = resolveSessionTags([{ key: 'PROJECT', value: 'y' }], [], inherited);
    expect(result).toMatchObject({ ok: false, error: { code: 'ValidationError', source: 'tags' } });
  });
});

describe('mergePrincipalTags', () => {
  it('lets a session tag override a role tag with the same key, case-insensitively', () => {
    expect(
      mergePrincipalTags(
        [
          { key: 'Team', value: 'role' },
          { key: 'env', value: 'prod' },
        ],
        [{ key: 'team', value: 'session' }],
      ),
    ).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'session' },
    ]);
  });
});
