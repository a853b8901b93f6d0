import type { SessionTag } from '../../iam/index.js';

/**
 * What kind of principal signed a request. `operator` is the playground's bootstrap credential; `federatedUser`
 * signs with GetFederationToken's credentials.
 */
export type CallerType = 'root' | 'user' | 'assumedRole' | 'federatedUser' | 'operator';

/** What temporary credentials carry into every request they sign. */
export interface CallerSession {
  /** The session's access key id (`ASIA…`), also its id in the store. */
  id: string;
  /** The role a role session belongs to; null for a getSessionToken session. */
  roleId: string | null;
  roleArn: string | null;
  sessionName: string | null;
  sourceIdentity: string | null;
  tags: SessionTag[];
  /** Keys of `tags` that pass on to the next session of a chain. */
  transitiveTagKeys: string[];
  sessionPolicy: string | null;
  policyArns: string[];
  mfaAuthenticated: boolean;
  mfaAuthenticatedAt: Date | null;
  /** Whether this session was itself made by role chaining. */
  chained: boolean;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The authenticated principal of a request: who it is (ARN, account, `aws:userid`), how it signed, and for
 * temporary credentials the session it acts in. Every authorization decision starts from this.
 */
export interface Caller {
  type: CallerType;
  /**
   * The principal ARN: `…:root`, `…:user/path/name`, `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`,
   * `arn:aws:sts::ACCT:federated-user/NAME`.
   */
  arn: string;
  accountId: string;
  /** `aws:userid`: the account id for root, `AIDA…` for a user, `AROA…:session` for a role session, `ACCT:NAME` for a federated user. */
  userId: string;
  /** The IAM user's id when the principal is a user (or a user's getSessionToken or getFederationToken session). */
  iamUserId: string | null;
  /** The access key id the request was signed with. */
  accessKeyId: string;
  session: CallerSession | null;
}
