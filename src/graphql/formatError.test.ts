import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { awsError } from './errors.js';
import { createFormatError } from './formatError.js';

/** A formatError whose log lines are collected, plus the collected lines. */
function setup() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { formatError: createFormatError(createLogger('info', sink)), lines };
}

/** What Apollo hands formatError for an error thrown in a resolver: a GraphQLError wrapping it. */
function thrownInResolver(error: Error) {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['role'] });
  return {
    formatted: { ...wrapped.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
    wrapped,
  };
}

describe('formatError', () => {
  it('passes errors with a code through, without a stack trace', () => {
    const { formatError } = setup();
    const { formatted, wrapped } = thrownInResolver(awsError('NoSuchEntity', 'The role with name x cannot be found.'));
    const result = formatError({ ...formatted, extensions: { code: 'NoSuchEntity', stacktrace: ['at y'] } }, wrapped);
    expect(result).toEqual({
      message: 'The role with name x cannot be found.',
      path: ['role'],
      locations: undefined,
      extensions: { code: 'NoSuchEntity' },
    });
  });

  it('keeps AWS status hints for the HTTP layer', () => {
    const { formatError } = setup();
    const error = awsError('AccessDenied', 'User: arn:aws:iam::1:user/a is not authorized');
    const result = formatError({ message: error.message, extensions: error.extensions }, error);
    expect(result.extensions).toEqual({ code: 'AccessDenied', http: { status: 403 } });
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR and logs their cause', () => {
    const { formatError, lines } = setup();
    const { formatted, wrapped } = thrownInResolver(new Error('connection string postgres://secret@db leaked'));
    const result = formatError(formatted, wrapped);
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['role'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'unexpected error in a GraphQL operation',
      err: { message: 'connection string postgres://secret@db leaked' },
    });
  });

  it('translates database constraint errors into AWS codes', () => {
    const { formatError, lines } = setup();
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const { formatted, wrapped } = thrownInResolver(duplicate);
    expect(formatError(formatted, wrapped).extensions).toEqual({ code: 'EntityAlreadyExists' });
    expect(lines).toEqual([]);
  });
});
