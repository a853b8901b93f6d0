import type { PolicyKind } from './Policy.js';

/** The grammar and size rules that differ by policy kind. */
export interface PolicyKindRules {
  /** `forbidden` for identity-side policies; `required` for resource and trust; `wildcard` (`"*"` only) for RCPs. */
  principal: 'forbidden' | 'required' | 'wildcard';
  /** Trust policies have no Resource element; every other kind needs Resource or NotResource. */
  resource: 'required' | 'forbidden';
  /** IAM and Organizations require alphanumeric Sids; resource policies (S3, SQS, ...) accept any string. */
  alphanumericSid: boolean;
  /** RCPs support only Deny (RCPFullAWSAccess, implied by the engine, is the one Allow). */
  denyOnly: boolean;
  /** Maximum policy size in characters. */
  maxSize: number;
  /** IAM does not count whitespace towards its limits; Organizations counts every character. */
  countsWhitespace: boolean;
}

/**
 * The per-kind rules from AWS's quotas: managed and boundary policies 6,144 characters without whitespace,
 * session policies 2,048, trust policies 2,048, SCPs and RCPs 5,120 with whitespace. Inline policy totals per
 * identity are the service's to check. Resource policies use S3's 20 KB, the largest common limit.
 */
export const POLICY_KIND_RULES: Readonly<Record<PolicyKind, PolicyKindRules>> = {
  identity: {
    principal: 'forbidden',
    resource: 'required',
    alphanumericSid: true,
    denyOnly: false,
    maxSize: 6144,
    countsWhitespace: false,
  },
  permissionsBoundary: {
    principal: 'forbidden',
    resource: 'required',
    alphanumericSid: true,
    denyOnly: false,
    maxSize: 6144,
    countsWhitespace: false,
  },
  session: {
    principal: 'forbidden',
    resource: 'required',
    alphanumericSid: true,
    denyOnly: false,
    maxSize: 2048,
    countsWhitespace: true,
  },
  scp: {
    principal: 'forbidden',
    resource: 'required',
    alphanumericSid: true,
    denyOnly: false,
    maxSize: 5120,
    countsWhitespace: true,
  },
  rcp: {
    principal: 'wildcard',
    resource: 'required',
    alphanumericSid: true,
    denyOnly: true,
    maxSize: 5120,
    countsWhitespace: true,
  },
  resource: {
    principal: 'required',
    resource: 'required',
    alphanumericSid: false,
    denyOnly: false,
    maxSize: 20480,
    countsWhitespace: true,
  },
  trust: {
    principal: 'required',
    resource: 'forbidden',
    alphanumericSid: true,
    denyOnly: false,
    maxSize: 2048,
    countsWhitespace: false,
  },
};
