import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AwsMap } from './AwsOperation.js';
import { serializeJsonResponse } from './serializeJsonResponse.js';
import { serializeQueryError, serializeQueryResponse } from './serializeQueryResponse.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });

describe('serializeQueryResponse', () => {
  it('writes lists as member elements, maps as entries, timestamps in ISO 8601 and escapes text', () => {
    const xml = serializeQueryResponse(
      'iam',
      'GetThing',
      {
        Names: ['a', 'b'],
        Empty: [],
        Summary: new AwsMap({ Users: 3 }),
        When: new Date('2026-01-02T03:04:05.000Z'),
        Flag: false,
        Text: 'a<b & "c"',
        Missing: undefined,
      },
      'req-1',
    );
    const body = parser.parse(xml).GetThingResponse;
    expect(body['@_xmlns']).toBe('https://iam.amazonaws.com/doc/2010-05-08/');
    expect(body.GetThingResult).toEqual({
      Names: { member: ['a', 'b'] },
      Empty: '',
      Summary: { entry: { key: 'Users', value: '3' } },
      When: '2026-01-02T03:04:05.000Z',
      Flag: 'false',
      Text: 'a<b & "c"',
    });
    expect(xml).toContain('a&lt;b &amp;');
    expect(body.ResponseMetadata.RequestId).toBe('req-1');
  });

  it('leaves the result element out for operations that return nothing', () => {
    const body = parser.parse(serializeQueryResponse('sts', 'DeleteThing', null, 'r')).DeleteThingResponse;
    expect(Object.keys(body)).toEqual(['ResponseMetadata', '@_xmlns']);
  });

  it("writes AWS's error body", () => {
    const body = parser.parse(
      serializeQueryError('sts', { type: 'Sender', code: 'AccessDenied', message: 'no' }, 'r'),
    ).ErrorResponse;
    expect(body).toMatchObject({ Error: { Type: 'Sender', Code: 'AccessDenied', Message: 'no' }, RequestId: 'r' });
  });
});

describe('serializeJsonResponse', () => {
  it('writes timestamps as epoch seconds, maps as objects and drops absent members', () => {
    expect(
      JSON.parse(
        serializeJsonResponse({ At: new Date(1500), Map: new AwsMap({ a: 'b' }), Gone: null, List: [{ X: 1 }] }),
      ),
    ).toEqual({ At: 1.5, Map: { a: 'b' }, List: [{ X: 1 }] });
    expect(serializeJsonResponse(null)).toBe('{}');
  });
});
