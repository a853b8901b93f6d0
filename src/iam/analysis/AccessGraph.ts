import type { MatchedStatement } from '../simulationTypes.js';

/** What a node of an access graph stands for. */
export type AccessGraphNodeType =
  | 'organization'
  | 'organizationalUnit'
  | 'account'
  | 'user'
  | 'group'
  | 'role'
  | 'identityProvider'
  | 'service'
  | 'resource'
  | 'policy'
  | 'public';

/** What an edge of an access graph says. */
export type AccessGraphEdgeType =
  /** A user in a group, an account in an OU, an OU in its parent, a root in its organization. */
  | 'memberOf'
  /** The source can call sts:AssumeRole (or a federated/service equivalent) on the target role. */
  | 'canAssume'
  /** The target resource's policy grants the source principal (or account, or everyone). */
  | 'grantsThroughResourcePolicy'
  /** The source's policies allow iam:PassRole on the target role (to hand it to a service). */
  | 'passesRole'
  /** The target policy applies to the source (attached, inline, or as its permissions boundary). */
  | 'attachedPolicy'
  /** The source can perform the asked action on the target resource (the end of a who-can answer). */
  | 'canAccess';

/** A node: an entity of the model, placed in its account (or OU, or organization) by `parentId`. */
export interface AccessGraphNode {
  /** An ARN for principals, resources and policies; `account:ID`, `r-…`/`ou-…`, `o-…`, `service:…`, `*` otherwise. */
  id: string;
  type: AccessGraphNodeType;
  label: string;
  accountId: string | null;
  /** The node that contains it (an account for principals, an OU for accounts), or null. */
  parentId: string | null;
  /** Part of the answer being drawn (a who-can principal, a hop of a path). */
  highlighted: boolean;
}

/** An edge, with the statements that make it and the conditions that gate it. */
export interface AccessGraphEdge {
  id: string;
  type: AccessGraphEdgeType;
  source: string;
  target: string;
  label: string;
  /** What the source must present or satisfy, e.g. `sts:ExternalId = x`, `MFA`, `aws:PrincipalTag/team = a`. */
  conditions: string[];
  /** The policy statements that make the edge, with their positions in the policy text. */
  matchedStatements: MatchedStatement[];
  highlighted: boolean;
}

/** A policy text the graph refers to (by `id` in nodes and matched statements). */
export interface AccessGraphPolicy {
  id: string;
  name: string;
  document: string;
}

/** Nodes, typed edges and the policies that make them: what a scope of the model looks like. */
export interface AccessGraph {
  nodes: AccessGraphNode[];
  edges: AccessGraphEdge[];
  policies: AccessGraphPolicy[];
}

/**
 * Names and containment the authorization model does not hold: account names, the OU tree and groups with
 * their members and policies. Plain data, loaded by the caller.
 */
export interface AccessGraphDirectory {
  accounts: ReadonlyMap<string, { name: string; parentId: string | null; organizationId: string | null }>;
  organizations: ReadonlyMap<string, { id: string }>;
  units: ReadonlyMap<string, { id: string; name: string; parentId: string | null; organizationId: string }>;
  groups: readonly { arn: string; name: string; accountId: string; memberArns: string[]; policyIds: string[] }[];
  /** Texts of policies the model does not hold (group policies). */
  policyDocuments: ReadonlyMap<string, string>;
}
