import { awsError } from '../../graphql/errors.js';
import { countPolicyCharacters, validatePolicy, type PolicyKind } from '../../iam/index.js';

/** Characters IAM accepts in a policy document: tab, LF, CR and U+0020–U+00FF. */
const DOCUMENT_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;

/**
 * IAM's own quota errors for an oversized document, by kind: a managed policy (PolicySize) and a role's trust
 * policy (ACLSizePerRole) answer LimitExceeded in AWS's words. Other kinds keep the engine's
 * MalformedPolicyDocument; inline policies are limited by their owner's inline total instead (checked by the caller).
 */
const QUOTA_NAMES: Partial<Record<PolicyKind, string>> = { identity: 'PolicySize', trust: 'ACLSizePerRole' };

/**
 * Validates a policy document with the engine before it is stored; throws MalformedPolicyDocument with the
 * engine's first fault as the message (all faults, with positions, in `extensions.errors`), or LimitExceeded
 * for an oversized managed or trust policy, so nothing invalid is ever written. With `inline`, the
 * managed-policy size quota does not apply.
 */
export function checkPolicyDocument(text: string, kind: PolicyKind, options: { inline?: boolean } = {}): void {
  if (!DOCUMENT_CHARACTERS.test(text)) {
    throw awsError(
      'MalformedPolicyDocument',
      'The policy document contains characters outside tab, LF, CR and U+0020-U+00FF',
    );
  }
  const validation = validatePolicy(text, kind);
  const oversize = validation.oversize;
  const errors = oversize === null ? validation.errors : validation.errors.filter((error) => error !== oversize.issue);
  const first = errors[0];
  if (first !== undefined) {
    throw awsError('MalformedPolicyDocument', first.message, {
      errors: errors.map((error) => ({ message: error.message, position: error.position })),
    });
  }
  if (oversize === null || options.inline) return;
  const quotaName = QUOTA_NAMES[kind];
  if (quotaName !== undefined)
    throw awsError('LimitExceeded', `Cannot exceed quota for ${quotaName}: ${oversize.quota}`);
  throw awsError('MalformedPolicyDocument', oversize.issue.message);
}

/** The size IAM counts towards its inline-policy totals: every character but whitespace. */
export function policySize(text: string): number {
  return countPolicyCharacters(text, false);
}
