import { awsError } from '../../graphql/errors.js';
import { validatePolicy, type PolicyKind } from '../../iam/index.js';

/** Characters IAM accepts in a policy document: tab, LF, CR and U+0020–U+00FF. */
const DOCUMENT_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;

/** How the engine words its managed-policy size fault, which inline policies are exempt from. */
const INLINE_EXEMPT_PREFIX = 'cannot exceed quota for policy size';

/**
 * Validates a policy document with the engine before it is stored; throws MalformedPolicyDocument with the
 * engine's first fault as the message (all faults, with positions, in `extensions.errors`), so nothing
 * invalid is ever written. With `inline`, the managed-policy size limit is not applied.
 */
export function checkPolicyDocument(text: string, kind: PolicyKind, options: { inline?: boolean } = {}): void {
  if (!DOCUMENT_CHARACTERS.test(text)) {
    throw awsError('MalformedPolicyDocument', 'The policy document contains characters outside tab, LF, CR and U+0020-U+00FF');
  }
  const validation = validatePolicy(text, kind);
  // An inline policy is limited by its owner's inline total (checked by the caller), not the managed 6144.
  const errors = options.inline ? validation.errors.filter((error) => !error.message.startsWith(INLINE_EXEMPT_PREFIX)) : validation.errors;
  const first = errors[0];
  if (first !== undefined) {
    throw awsError('MalformedPolicyDocument', first.message, { errors: errors.map((error) => ({ message: error.message, position: error.position })) });
  }
}

/** The size IAM counts towards its inline-policy totals: every character but whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s/g, '').length;
}
