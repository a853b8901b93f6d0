import { hasErrorCode } from '../../graphql/errors.js';

/** An error as a protocol sends it: AWS's code and message, the HTTP status, and who is at fault. */
export interface ProtocolError {
  status: number;
  code: string;
  message: string;
  type: 'Sender' | 'Receiver';
}

/** HTTP statuses of the query protocol's errors, from the STS and IAM service models and AWS's common errors. */
const QUERY_STATUS: Readonly<Record<string, number>> = {
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  InvalidAuthenticationCode: 403,
  RegionDisabledException: 403,
  IDPRejectedClaim: 403,
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  LimitExceeded: 409,
  DeleteConflict: 409,
  ConcurrentModification: 409,
  ServiceFailure: 500,
  InternalFailure: 500,
};

/**
 * The Organizations (JSON 1.1) names of codes the shared services raise in IAM's words, and of the
 * authentication failures, as AWS's JSON services name them (`UnrecognizedClientException` where the query
 * protocol says `InvalidClientTokenId`, ...).
 */
const JSON_CODES: Readonly<Record<string, string>> = {
  AccessDenied: 'AccessDeniedException',
  ValidationError: 'InvalidInputException',
  InvalidInput: 'InvalidInputException',
  MalformedPolicyDocument: 'MalformedPolicyDocumentException',
  LimitExceeded: 'ConstraintViolationException',
  NoSuchEntity: 'AccountNotFoundException',
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  ExpiredToken: 'ExpiredTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  InvalidAction: 'UnknownOperationException',
  InternalFailure: 'ServiceException',
};

/** An internal failure: the cause is logged, never sent. */
export const INTERNAL_FAILURE = {
  code: 'InternalFailure',
  message: 'We encountered an internal error. Please try again.',
} as const;

/**
 * Translates an error thrown by a service (a GraphQLError carrying AWS's code, the API's one error shape) or
 * by the adapter into the protocol's code, message and status. Anything without a code is an internal failure.
 */
export function toProtocolError(error: unknown, protocol: 'query' | 'json'): ProtocolError {
  const known = hasErrorCode(error);
  const code = known ? error.extensions.code : INTERNAL_FAILURE.code;
  const message = known ? error.message : INTERNAL_FAILURE.message;
  if (protocol === 'json') {
    const jsonCode = JSON_CODES[code] ?? code;
    return {
      code: jsonCode,
      message,
      status: jsonCode === 'ServiceException' ? 500 : 400,
      type: jsonCode === 'ServiceException' ? 'Receiver' : 'Sender',
    };
  }
  const status = QUERY_STATUS[code] ?? 400;
  return { code, message, status, type: status >= 500 ? 'Receiver' : 'Sender' };
}
