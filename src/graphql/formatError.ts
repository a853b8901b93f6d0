import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { requestLogger, type Logger } from '../logger.js';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable.js';
import { hasErrorCode } from './errors.js';
import { serviceUnavailableMessage } from './serviceUnavailableError.js';
import { queryLimitCodeOf } from './limits/createLimitValidationRules.js';
import { translateDatabaseError } from './translateDatabaseError.js';

/** The code and message every unexpected error is masked as. */
export const internalErrorCode = 'INTERNAL_SERVER_ERROR';

/**
 * The one choke point every GraphQL error passes on its way to a client. Errors with a code (AWS's codes
 * from `awsError`, the auth errors, Apollo's own GRAPHQL_VALIDATION_FAILED / BAD_USER_INPUT ...) pass as
 * they are, minus any stack trace; database constraint errors become AWS codes; anything else is logged
 * with its cause and masked as INTERNAL_SERVER_ERROR, so no internals reach the client.
 */
export function createFormatError(
  logger: Logger,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const limitCode = queryLimitCodeOf(error);
    if (limitCode !== null) return { ...base, message: formatted.message, extensions: { code: limitCode } };
    if (hasErrorCode(original)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions };
    }
    if (isDatabaseUnavailable(original)) {
      (requestLogger() ?? logger).warn({ err: original, path: formatted.path }, 'database unavailable');
      return { ...base, message: serviceUnavailableMessage, extensions: { code: 'ServiceUnavailable' } };
    }
    const translated = translateDatabaseError(original);
    if (translated !== null) {
      return { ...base, message: translated.message, extensions: { ...translated.extensions } };
    }
    (requestLogger() ?? logger).error(
      { err: original, path: formatted.path },
      'unexpected error in a GraphQL operation',
    );
    return { ...base, message: 'Internal server error', extensions: { code: internalErrorCode } };
  };
}
