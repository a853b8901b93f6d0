import { XMLBuilder } from 'fast-xml-parser';
import { AwsMap, type AwsResult, type AwsValue } from './AwsOperation.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  format: false,
});

/** The XML namespace of each query-protocol service, from its service model. */
export const QUERY_NAMESPACES = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
} as const;

/** The API version each query-protocol service answers, from its service model. */
export const QUERY_VERSIONS = { sts: '2011-06-15', iam: '2010-05-08' } as const;

/** Converts a result value to fast-xml-parser's tree: lists as `member` elements, maps as `entry` key/value pairs. */
function toXmlNode(value: AwsValue): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof AwsMap)
    return { entry: Object.entries(value.entries).map(([key, entry]) => ({ key, value: String(entry) })) };
  if (Array.isArray(value)) return value.length === 0 ? '' : { member: value.map(toXmlNode) };
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object') return toXmlMembers(value as Record<string, AwsValue>);
  return value;
}

function toXmlMembers(members: Record<string, AwsValue>): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(members))
    if (value !== undefined && value !== null) node[name] = toXmlNode(value);
  return node;
}

/**
 * The query protocol's success body: `<OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata><RequestId>`,
 * the result element left out for operations that return nothing.
 */
export function serializeQueryResponse(
  service: keyof typeof QUERY_NAMESPACES,
  operation: string,
  result: AwsResult,
  requestId: string,
): string {
  const response: Record<string, unknown> = { '@_xmlns': QUERY_NAMESPACES[service] };
  if (result !== null) response[`${operation}Result`] = toXmlMembers(result as Record<string, AwsValue>);
  response.ResponseMetadata = { RequestId: requestId };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [`${operation}Response`]: response }) as string}`;
}

/** The query protocol's error body: `<ErrorResponse><Error><Type><Code><Message></Error><RequestId>`. */
export function serializeQueryError(
  service: keyof typeof QUERY_NAMESPACES,
  error: { type: 'Sender' | 'Receiver'; code: string; message: string },
  requestId: string,
): string {
  const body = {
    ErrorResponse: {
      '@_xmlns': QUERY_NAMESPACES[service],
      Error: { Type: error.type, Code: error.code, Message: error.message },
      RequestId: requestId,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body) as string}`;
}
