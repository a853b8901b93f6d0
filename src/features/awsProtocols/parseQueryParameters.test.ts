import { describe, expect, it } from 'vitest';
import { parseQueryParameters } from './parseQueryParameters.js';

describe('parseQueryParameters', () => {
  it('nests lists of structures, lists of strings, maps and structures as the query protocol sends them', () => {
    const parameters = new URLSearchParams(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&Tags.member.1.Key=a&Tags.member.1.Value=1' +
        '&Tags.member.2.Key=b&Tags.member.2.Value=2&PolicyArns.member.1.arn=p1&TransitiveTagKeys.member.2=y&TransitiveTagKeys.member.1=x' +
        '&Attrs.entry.1.key=k&Attrs.entry.1.value=v&Outer.Inner=z&ContextEntries.member.1.ContextKeyValues.member.1=v1',
    );
    expect(parseQueryParameters(parameters)).toEqual({
      RoleArn: 'arn:aws:iam::1:role/r',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      PolicyArns: [{ arn: 'p1' }],
      TransitiveTagKeys: ['x', 'y'],
      Attrs: { k: 'v' },
      Outer: { Inner: 'z' },
      ContextEntries: [{ ContextKeyValues: ['v1'] }],
    });
  });

  it('keeps an empty list as the empty string the client sent and drops Action, Version and presigned fields', () => {
    expect(parseQueryParameters(new URLSearchParams('Tags=&Action=X&X-Amz-Signature=abc'))).toEqual({ Tags: '' });
  });
});
