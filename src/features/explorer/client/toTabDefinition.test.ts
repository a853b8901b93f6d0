import { describe, expect, it } from 'vitest';
import { toTabDefinition } from './toTabDefinition.js';

describe('toTabDefinition', () => {
  it('puts the title and wrapped description in comments and pretty-prints the variables', () => {
    const tab = toTabDefinition({
      title: 'Assume a role',
      description: 'word '.repeat(30).trim(),
      query: 'mutation M { x }',
      variables: { roleArn: 'arn:aws:iam::111111111111:role/R' },
    });
    const lines = tab.query.split('\n');
    expect(lines[0]).toBe('# Assume a role');
    expect(lines.slice(1, -2).every((line) => line.startsWith('# word') && line.length <= 66)).toBe(true);
    expect(lines.slice(1, -2).join(' ').replace(/# /g, '')).toBe('word '.repeat(30).trim());
    expect(lines.at(-2)).toBe('mutation M { x }');
    expect(tab.variables).toBe('{\n  "roleArn": "arn:aws:iam::111111111111:role/R"\n}');
  });

  it('leaves variables out when the example has none', () => {
    expect(toTabDefinition({ title: 'T', query: '{ a }' })).toEqual({ query: '# T\n{ a }\n' });
  });
});
