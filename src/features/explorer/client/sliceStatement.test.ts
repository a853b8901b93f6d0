import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../iam/policy/parsePolicy.js';
import { sliceStatement } from './sliceStatement.js';

describe('sliceStatement', () => {
  it('cuts out exactly the statement the engine located, on one line or many', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {\n      "Sid": "B",\n      "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"\n    }\n  ]\n}';
    const statements = parsePolicy(text, 'identity').policy!.statements;
    const [first, second] = statements.map((statement) => sliceStatement(text, statement.start, statement.end));
    expect(first!.statement).toBe('{"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}');
    expect(second!.statement).toMatch(/^\{\n {6}"Sid": "B",[\s\S]*\n {4}\}$/);
    expect(second!.before + second!.statement + second!.after).toBe(text);
  });

  it('clamps positions beyond the text', () => {
    expect(sliceStatement('{}', { line: 9, column: 1 }, { line: 9, column: 9 })).toEqual({
      before: '{}',
      statement: '',
      after: '',
    });
  });
});
