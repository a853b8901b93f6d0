import { describe, expect, it } from 'vitest';
import type { Resolvers } from '../generated/graphql.js';
import { featureResolvers, mergeResolvers, resolvers } from './resolvers.js';

describe('mergeResolvers', () => {
  it('combines the fields different features resolve on one type', () => {
    const merged = mergeResolvers([{ Query: { role: () => null as never } }, { Query: { user: () => null as never } }]);
    expect(Object.keys(merged.Query ?? {})).toEqual(['role', 'user']);
  });

  it('refuses two resolvers for the same field', () => {
    const a: Resolvers = { Query: { role: () => null as never } };
    expect(() => mergeResolvers([a, a])).toThrow('resolver `Query.role` is defined twice');
  });

  it('merges the real feature maps without clashes', () => {
    expect(() => mergeResolvers(featureResolvers)).not.toThrow();
    expect(Object.keys(resolvers.Query ?? {})).toEqual(
      expect.arrayContaining(['node', 'nodes', 'accounts', 'role', 'sessions']),
    );
  });
});
