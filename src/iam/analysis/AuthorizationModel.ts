import type { CompiledPolicy } from '../evaluate/compilePolicy.js';
import type { PolicyStatement } from '../policy/Policy.js';
import type { AccountSlice } from './compileAccountSlice.js';
import type { GrantIndex } from './createGrantIndex.js';

/** An account as the analysis sees it: where it sits in its organization and the SCPs/RCPs above it. */
export interface AnalysisAccount {
  id: string;
  orgId: string | null;
  /** aws:PrincipalOrgPaths / aws:ResourceOrgPaths, e.g. `o-abc/r-ab12/ou-ab12-1/`; null outside an organization. */
  orgPaths: string[] | null;
  /** The management account is not limited by SCPs. */
  isManagementAccount: boolean;
  /** SCPs per level (root, each OU, the account); empty when the account has no organization or SCPs are off. */
  scpLevels: CompiledPolicy[][];
  /** RCPs per level of the account's organization; RCPFullAWSAccess is implied by the engine. */
  rcpLevels: CompiledPolicy[][];
}

/** A user or role with every identity-side policy compiled. */
export interface AnalysisPrincipal {
  kind: 'user' | 'role';
  /** The unique id: `AIDA…` or `AROA…`. */
  id: string;
  arn: string;
  name: string;
  accountId: string;
  tags: Record<string, string>;
  /** Inline, attached managed and (for users) group policies. */
  identityPolicies: CompiledPolicy[];
  permissionsBoundary: CompiledPolicy | null;
}

/** One Allow statement of a trust policy, parsed, beside its compiled form (same index). */
export interface TrustStatement {
  parsed: PolicyStatement;
  /** Whether the statement's actions include sts:AssumeRole. */
  allowsAssumeRole: boolean;
}

/** A role: a principal that others assume through its trust policy. */
export interface AnalysisRole extends AnalysisPrincipal {
  kind: 'role';
  /** The trust policy; a Deny of everything when the stored text does not compile (nobody can assume the role then). */
  trustPolicy: CompiledPolicy | null;
  trustStatements: TrustStatement[];
  maxSessionDuration: number;
}

/** A user. */
export interface AnalysisUser extends AnalysisPrincipal {
  kind: 'user';
}

/** A stored resource with its compiled resource-based policy. */
export interface AnalysisResource {
  arn: string;
  accountId: string;
  service: string;
  resourceType: string;
  /** null when the resource has no policy; a Deny of everything when it does not compile. */
  policy: CompiledPolicy | null;
  tags: Record<string, string>;
}

/** Which roles' trust policies name a principal by its own ARN (so, in its account, it needs no Allow of its own). */
export interface TrustIndex {
  /** User or role ARN → the roles whose trust policy names it in an Allow for sts:AssumeRole. */
  byArn: ReadonlyMap<string, readonly AnalysisRole[]>;
}

/**
 * Everything the analysis needs, in memory: the authorization index's content. Immutable once assembled: a change
 * to some accounts makes a new model that shares every unchanged account's slice with this one.
 */
export interface AuthorizationModel {
  accounts: ReadonlyMap<string, AnalysisAccount>;
  /** The compiled slice of each account, the unit a change replaces. */
  slices: ReadonlyMap<string, AccountSlice>;
  /** Users and roles by ARN. */
  principals: ReadonlyMap<string, AnalysisUser | AnalysisRole>;
  principalsByAccount: ReadonlyMap<string, readonly (AnalysisUser | AnalysisRole)[]>;
  roles: ReadonlyMap<string, AnalysisRole>;
  resources: ReadonlyMap<string, AnalysisResource>;
  trust: TrustIndex;
  /** Which principals' identity policies may allow an (action, resource): candidates for who-can questions. */
  grants: GrantIndex;
  /** The text of every stored policy by its id, for the analyses that read statements (external access, effective permissions). */
  policyDocuments: ReadonlyMap<string, string>;
  /** Stored policies that do not compile, each standing in as a Deny of everything (nothing stored should have them). */
  invalidPolicies: string[];
}
