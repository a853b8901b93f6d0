/** An IAM user's (`AIDA…`) or role's (`AROA…`) unique id, as IAM shows it in a policy for a deleted principal. */
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,28}$/;

/**
 * Whether a Principal value is a user's or role's unique id. IAM stores trust and resource policies with the
 * unique ids of the users and roles they name and shows the unique id where the principal no longer exists,
 * so a stored policy (and its export) can hold one.
 */
export function isPrincipalUniqueId(value: string): boolean {
  return UNIQUE_ID.test(value);
}
