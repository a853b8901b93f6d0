import type { SessionTag } from './AssumeRoleRequest.js';
import { stsFail, stsOk, type StsResult } from './StsError.js';

/**
 * The packed space session policies and tags share, in the units {@link computePackedPolicySize} counts.
 * AWS does not publish its packing; this model makes a 2048-character minified session policy alone
 * fill it, which keeps AWS's observable behaviour: small inputs take a few percent, 50 long tags overflow.
 */
export const PACKED_POLICY_LIMIT = 2048;

/** What is packed into a session: the inline policy, the managed policy ARNs and the session tags. */
export interface PackedPolicyInput {
  policy?: string | null;
  policyArns?: readonly string[] | null;
  tags?: readonly SessionTag[] | null;
}

/** Removes insignificant whitespace from JSON text, as packing does before compressing. */
function minifyJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (ch === '"') {
        inString = false;
      }
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}

/**
 * Returns PackedPolicySize, the percent of the packed limit the session's policies and tags use, or
 * PackedPolicyTooLarge in AWS's words when they exceed it. Transitive status does not count, as in AWS.
 */
export function computePackedPolicySize(input: PackedPolicyInput): StsResult<number> {
  const policy = input.policy ? minifyJson(input.policy).length : 0;
  const arns = (input.policyArns ?? []).reduce((sum, arn) => sum + arn.length, 0);
  const tags = (input.tags ?? []).reduce((sum, tag) => sum + tag.key.length + tag.value.length + 2, 0);
  const percent = Math.ceil(((policy + arns + tags) * 100) / PACKED_POLICY_LIMIT);
  if (percent > 100) {
    return stsFail(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
      'policy',
    );
  }
  return stsOk(percent);
}
