import { GraphQLError } from 'graphql';
import { awsError } from '../../graphql/errors.js';

/** The AWS error codes a failed authentication can carry. */
export type AuthErrorCode =
  | 'MissingAuthenticationToken'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'ExpiredToken'
  | 'IncompleteSignature';

/** AWS's own wording for each code, used when no more specific message applies. */
export const AUTH_ERROR_MESSAGES: Readonly<Record<AuthErrorCode, string>> = {
  MissingAuthenticationToken: 'Request is missing Authentication Token',
  InvalidClientTokenId: 'The security token included in the request is invalid.',
  SignatureDoesNotMatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  ExpiredToken: 'The security token included in the request is expired',
  IncompleteSignature: 'The request signature does not conform to AWS standards.',
};

/**
 * Builds the GraphQLError an authentication failure is reported with: `extensions.code` is AWS's code (through the
 * API's one `awsError` factory, which also sets AWS's HTTP status), so clients written against AWS recognise it.
 */
export function createAuthError(code: AuthErrorCode, message: string = AUTH_ERROR_MESSAGES[code]): GraphQLError {
  return awsError(code, message);
}

/** Whether an error is one `createAuthError` made, and so safe to show and worth auditing. */
export function isAuthError(error: unknown): error is GraphQLError & { extensions: { code: AuthErrorCode } } {
  return (
    error instanceof GraphQLError &&
    typeof error.extensions.code === 'string' &&
    error.extensions.code in AUTH_ERROR_MESSAGES
  );
}
