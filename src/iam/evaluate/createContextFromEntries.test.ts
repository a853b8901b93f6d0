import { describe, expect, it } from 'vitest';
import { createContextFromEntries } from './createContextFromEntries.js';

describe('createContextFromEntries', () => {
  it('lower-cases keys and infers types', () => {
    const result = createContextFromEntries([
      { key: 'aws:SourceIp', values: ['10.0.0.1'] },
      { key: 'aws:TagKeys', values: ['a'] },
      { key: 'my:Key', values: ['a', 'b'] },
      { key: 'my:Other', values: ['a'] },
    ]);
    if (!result.ok) throw new Error('expected ok');
    expect([...result.context.entries()]).toEqual([
      ['aws:sourceip', { type: 'ip', values: ['10.0.0.1'] }],
      ['aws:tagkeys', { type: 'stringList', values: ['a'] }],
      ['my:key', { type: 'stringList', values: ['a', 'b'] }],
      ['my:other', { type: 'string', values: ['a'] }],
    ]);
  });
  it("infers service keys' types from AWS's catalogue", () => {
    const result = createContextFromEntries([
      { key: 'ec2:VolumeSize', values: ['100'] },
      { key: 'ec2:Encrypted', values: ['true'] },
      { key: 'kms:EncryptionContextKeys', values: ['purpose'] },
    ]);
    if (!result.ok) throw new Error('expected ok');
    expect([...result.context.values()].map((value) => value.type)).toEqual(['numeric', 'boolean', 'stringList']);
    expect(createContextFromEntries([{ key: 'ec2:VolumeSize', values: ['big'] }]).ok).toBe(false);
  });
  it('refuses values that do not fit their type', () => {
    const result = createContextFromEntries([
      { key: 'aws:EpochTime', values: ['soon'] },
      { key: 'x:d', values: ['2020-13-45'], type: 'date' },
      { key: 'x:b', values: ['yes'], type: 'boolean' },
      { key: 'x:i', values: ['10.0.0.1', 'nope'], type: 'ipList' },
      { key: 'x:n', values: ['1', '2'], type: 'numeric' },
      { key: 'nokey', values: ['1'] },
    ]);
    expect(result.ok ? [] : result.errors.map((e) => e.source)).toEqual([
      'contextEntries.0',
      'contextEntries.1',
      'contextEntries.2',
      'contextEntries.3',
      'contextEntries.4',
      'contextEntries.5',
    ]);
  });
});
