import type { CompiledPolicy } from '../evaluate/compilePolicy.js';
import type { PolicyStatement } from '../policy/Policy.js';

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
  byArn: Map<string, AnalysisRole[]>;
}

/** Everything the analysis needs, in memory: the authorization index's content. */
export interface AuthorizationModel {
  accounts: Map<string, AnalysisAccount>;
  /** Users and roles by ARN. */
  principals: Map<string, AnalysisUser | AnalysisRole>;
  principalsByAccount: Map<string, (AnalysisUser | AnalysisRole)[]>;
  roles: Map<string, AnalysisRole>;
  resources: Map<string, AnalysisResource>;
  trust: TrustIndex;
  /** The text of every stored policy by its id, for the analyses that read statements (external access, effective permissions). */
  policyDocuments: Map<string, string>;
  /** Stored policies that do not compile, each standing in as a Deny of everything (nothing stored should have them). */
  invalidPolicies: string[];
}
