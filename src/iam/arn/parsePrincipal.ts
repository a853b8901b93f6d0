import { formatRootArn } from './formatArns.js';
import { isAccountId, parseArn } from './parseArn.js';

/** What kind of principal an ARN (or id, or service name) names. */
export type PrincipalKind = 'root' | 'user' | 'role' | 'assumedRole' | 'federatedUser' | 'service' | 'wildcard';

/** A principal identifier understood: its kind, account and names. */
export interface PrincipalName {
  kind: PrincipalKind;
  /** The canonical text: an ARN, a service principal, or `*`. Bare account ids become `arn:…:root`. */
  arn: string;
  partition: string;
  /** Empty for service principals and `*`. */
  account: string;
  /** User, role or federated user name; the role name for a session; empty otherwise. */
  name: string;
  /** The IAM path of users and roles (`/` when none); empty otherwise. */
  path: string;
  /** The session name of an assumed-role session; empty otherwise. */
  sessionName: string;
}

/**
 * Understands the principals a caller or a policy can name: `*`, a 12-digit account id, `arn:…:root`,
 * users and roles with paths, role sessions (`arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`), federated
 * users and service principals such as `lambda.amazonaws.com`. Returns null for anything else, so callers
 * can report a bad principal as data.
 */
export function parsePrincipal(text: string): PrincipalName | null {
  const base = { partition: 'aws', account: '', name: '', path: '', sessionName: '' };
  if (text === '*') return { ...base, kind: 'wildcard', arn: '*' };
  if (isAccountId(text)) return { ...base, kind: 'root', arn: formatRootArn(text), account: text };
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return { ...base, kind: 'service', arn: text };
  const arn = parseArn(text);
  if (arn === null || !isAccountId(arn.account) || arn.region !== '') return null;
  const common = { ...base, arn: text, partition: arn.partition, account: arn.account };
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { ...common, kind: 'root' };
    const match = /^(user|role)(\/(?:[^/]+\/)*)?([\w+=,.@-]+)$/.exec(arn.resource);
    if (match === null) return null;
    return { ...common, kind: match[1] === 'user' ? 'user' : 'role', path: match[2] ?? '/', name: match[3]! };
  }
  if (arn.service === 'sts') {
    const session = /^assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/.exec(arn.resource);
    if (session !== null) return { ...common, kind: 'assumedRole', name: session[1]!, sessionName: session[2]! };
    const federated = /^federated-user\/([\w+=,.@-]+)$/.exec(arn.resource);
    if (federated !== null) return { ...common, kind: 'federatedUser', name: federated[1]! };
  }
  return null;
}
