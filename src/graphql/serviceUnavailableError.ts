import { HeaderMap } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { awsError } from './errors.js';

/** What Retry-After tells a client when the database does not answer: a restart takes seconds. */
export const retryAfterSeconds = 5;

/** AWS's words for ServiceUnavailable, with the reason. */
export const serviceUnavailableMessage =
  'Service is unable to handle request: its database does not answer. Retry the request later.';

/**
 * The error a request gets while the database is out of reach or too busy: AWS's retryable
 * `ServiceUnavailable`, HTTP 503 with Retry-After, so SDK retry logic and load balancers do the right thing.
 */
export function serviceUnavailableError(): GraphQLError {
  return awsError('ServiceUnavailable', serviceUnavailableMessage, {
    http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
