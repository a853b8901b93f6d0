import { styleText } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable.js';

describe('formatTable', () => {
  it('pads columns to their widest visible cell, colour codes not counted, and gives multi-line cells their lines', () => {
    const table = formatTable(
      ['action', 'decision', 'why'],
      [
        ['s3:GetObject', styleText('green', 'allowed'), 'first'],
        ['sts:AssumeRole', 'implicitDeny', 'one\ntwo'],
      ],
    );

    expect(table.replace(/\u001b\[[0-9;]*m/g, '').split('\n')).toEqual([
      'action          decision      why',
      '--------------  ------------  -----',
      's3:GetObject    allowed       first',
      'sts:AssumeRole  implicitDeny  one',
      '                              two',
    ]);
  });
});
