import { GraphQLError } from 'graphql';

/**
 * The AWS error codes the API reports in `extensions.code`, as DESIGN.md fixes them (plus the
 * authentication codes of src/features/auth). Other features may add codes AWS uses for their operations.
 */
export type AwsErrorCode =
  | 'AccessDenied'
  | 'ValidationError'
  | 'MalformedPolicyDocument'
  | 'PackedPolicyTooLarge'
  | 'ExpiredToken'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'NoSuchEntity'
  | 'EntityAlreadyExists'
  | 'LimitExceeded'
  | 'DeleteConflict'
  | 'RegionDisabledException'
  | 'ServiceFailure'
  // The database is out of reach or too busy: retryable (src/graphql/serviceUnavailableError.ts).
  | 'ServiceUnavailable'
  // IAM management and Organizations (src/features/{identities,roles,policies,organizations}).
  | 'InvalidInput'
  | 'InvalidAuthenticationCode'
  | 'AlreadyInOrganizationException'
  | 'AWSOrganizationsNotInUseException'
  | 'AccountNotFoundException'
  | 'ParentNotFoundException'
  | 'SourceParentNotFoundException'
  | 'DestinationParentNotFoundException'
  | 'DuplicateAccountException'
  | 'DuplicateOrganizationalUnitException'
  | 'DuplicatePolicyException'
  | 'DuplicatePolicyAttachmentException'
  | 'PolicyNotAttachedException'
  | 'PolicyNotFoundException'
  | 'TargetNotFoundException'
  | 'ConstraintViolationException'
  // The AWS protocols at `/` (src/features/awsProtocols): an unknown or missing query-protocol Action.
  | 'InvalidAction'
  | 'MissingAction'
  | 'CreateAccountStatusNotFoundException'
  | 'OrganizationalUnitNotFoundException'
  | 'ChildNotFoundException'
  // AWS-owned entities (src/iam/rules): protected roles, AWS managed KMS aliases.
  | 'UnmodifiableEntity'
  | 'InvalidAliasNameException'
  // Federation and service roles (src/features/federation, src/features/serviceRoles).
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'IDPRejectedClaim'
  | 'InvalidParameterValueException'
  | 'InvalidParameterValue'
  | 'ResourceConflictException'
  | 'ResourceNotFoundException'
  | 'AssumeRoleUnauthorizedAccess';

/** The HTTP status AWS answers each code with; Apollo sends it when it is the only error of a request. */
const awsErrorStatus: Partial<Record<AwsErrorCode, number>> = {
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  IncompleteSignature: 400,
  ExpiredToken: 400,
  IDPRejectedClaim: 403,
  ServiceFailure: 500,
};

/**
 * An error with an AWS error code for the client: `extensions.code` is the code, the message is AWS's
 * words. Throw it from services and resolvers; formatError passes it through unmasked.
 */
export function awsError(code: AwsErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = awsErrorStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...(status === undefined ? {} : { http: { status } }), ...extensions },
  });
}

/** NoSuchEntity with AWS's wording: "The role with name X cannot be found." and similar. */
export function noSuchEntity(message: string): GraphQLError {
  return awsError('NoSuchEntity', message);
}

/** ValidationError for a bad argument, e.g. an unreadable cursor or an out-of-range page size. */
export function validationError(message: string): GraphQLError {
  return awsError('ValidationError', message);
}

/**
 * Whether an error is a GraphQLError that carries a code, i.e. one meant for the client as it is. Checked by
 * shape, not `instanceof`: graphql's ESM and CommonJS builds define two GraphQLError classes.
 */
export function hasErrorCode(error: unknown): error is GraphQLError & { extensions: { code: string } } {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return error instanceof Error && typeof extensions?.code === 'string';
}
