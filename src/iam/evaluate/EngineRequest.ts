import type { RequestContext } from '../conditions/RequestContext.js';
import type { PrincipalIdentity } from '../match/matchPrincipal.js';
import type { CompiledPolicy } from './compilePolicy.js';

/** Everything the engine knows about the caller; optional facts feed the global condition keys. */
export interface EnginePrincipal extends PrincipalIdentity {
  /** aws:username, for IAM users. */
  username?: string | null;
  /** aws:PrincipalTag/*: user or role tags, overridden by session tags. */
  tags?: Readonly<Record<string, string>> | null;
  orgId?: string | null;
  orgPaths?: readonly string[] | null;
  /** The organization's management account is not limited by SCPs. */
  isManagementAccount?: boolean;
  sourceIdentity?: string | null;
  /** aws:MultiFactorAuthPresent; null when unknown (long-term credentials carry no value). */
  mfaPresent?: boolean | null;
  /** aws:TokenIssueTime for temporary credentials. */
  tokenIssueTime?: Date | null;
}

/** The resource the action targets. `kind` says whose policy must allow explicitly. */
export interface EngineResource {
  /** A resource ARN, or `*`. */
  arn: string;
  /** The owning account; null means the principal's account. */
  account: string | null;
  /** `trust` (a role, for sts:AssumeRole) and `kmsKey` need their policy to allow; `other` does not in-account. */
  kind: 'trust' | 'kmsKey' | 'other';
  /** aws:ResourceTag/*. */
  tags?: Readonly<Record<string, string>> | null;
  orgId?: string | null;
  orgPaths?: readonly string[] | null;
  /** The resource's account is its organization's management account, where AWS applies no RCPs. */
  isManagementAccount?: boolean;
}

/** One (action, resource) question with already-compiled policies: the input of `evaluateRequest`. */
export interface EngineRequest {
  action: string;
  principal: EnginePrincipal;
  resource: EngineResource;
  identityPolicies: readonly CompiledPolicy[];
  /** null: no permissions boundary. */
  permissionsBoundary: CompiledPolicy | null;
  /** null: the principal is not a session with session policies. Several policies act as one set. */
  sessionPolicies: readonly CompiledPolicy[] | null;
  /** SCPs of the principal's account, one array per level: root, each OU, the account. Empty: no organization. */
  scpLevels: readonly (readonly CompiledPolicy[])[];
  /**
   * RCPs of the resource's account per level; RCPFullAWSAccess is implied. The engine applies them only where
   * AWS does: to actions of the services RCPs govern, on resources outside the management account.
   */
  rcpLevels: readonly (readonly CompiledPolicy[])[];
  /** The resource policy, trust policy or key policy; null when none. */
  resourcePolicy: CompiledPolicy | null;
  /** Caller-supplied context keyed by lower-cased name; it wins over derived keys. */
  context?: RequestContext | null;
  /** The request time for aws:CurrentTime and aws:EpochTime; defaults to now. */
  now?: Date;
}
