import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createFormatError } from './formatError.js';
import { serviceUnavailableError } from './serviceUnavailableError.js';

describe('database contention and outages in formatError', () => {
  const formatError = createFormatError(createLogger('silent'));

  it('reports Prisma\'s "Unable to start a transaction" (P2028) as the retryable ServiceUnavailable, not INTERNAL_SERVER_ERROR', () => {
    const contention = Object.assign(
      new Error('Transaction API error: Unable to start a transaction in the given time.'),
      { code: 'P2028' },
    );
    const wrapped = new GraphQLError(contention.message, { originalError: contention, path: ['createUser'] });
    expect(formatError({ message: contention.message, path: ['createUser'] }, wrapped)).toEqual({
      locations: undefined,
      path: ['createUser'],
      message: 'Service is unable to handle request: its database does not answer. Retry the request later.',
      extensions: { code: 'ServiceUnavailable' },
    });
  });

  it('answers 503 with Retry-After', () => {
    const error = serviceUnavailableError();
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(error.extensions.code).toBe('ServiceUnavailable');
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('5');
  });
});
