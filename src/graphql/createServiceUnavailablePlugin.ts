import type { ApolloServerPlugin } from '@apollo/server';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable.js';
import { retryAfterSeconds } from './serviceUnavailableError.js';

/**
 * A database outage or contention met by any resolver makes the whole response 503 with Retry-After, so
 * clients and load balancers retry; formatError gives each such error AWS's `ServiceUnavailable` code.
 */
export function createServiceUnavailablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((error) => isDatabaseUnavailable(error))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}
