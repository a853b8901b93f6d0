import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { PolicyStatement } from '../policy/Policy.js';
import type { MatchedStatement, PolicyType } from '../simulationTypes.js';
import type {
  AccessGraph,
  AccessGraphDirectory,
  AccessGraphEdge,
  AccessGraphNode,
  AccessGraphNodeType,
} from './AccessGraph.js';
import type { AuthorizationModel } from './AuthorizationModel.js';
import { describeHopConditions } from './describeHopConditions.js';
import type { AssumeRoleHop } from './evaluateAssumeRoleHop.js';

/** An edge as a scope adds it: its id and highlight are the builder's business. */
export type NewEdge = Omit<AccessGraphEdge, 'id' | 'highlighted'> & { highlighted?: boolean };

/** Collects the nodes and edges of one graph, placing every node in its account, OU and organization. */
export interface AccessGraphBuilder {
  readonly model: AuthorizationModel;
  readonly directory: AccessGraphDirectory;
  /** The node of a principal as a policy or a caller names it (user, role, account root, service, provider, `*`). */
  addPrincipal(name: string, highlighted?: boolean): string | null;
  /** The node of a resource (stored or not). */
  addResource(arn: string, highlighted?: boolean): string;
  /** The node of a policy, placed in its account (AWS managed policies in none). */
  addPolicy(id: string): string;
  /** The node of a group. */
  addGroup(group: AccessGraphDirectory['groups'][number]): string;
  /** The account's box, inside its OU and organization. */
  addAccount(accountId: string): string;
  addEdge(edge: NewEdge): void;
  /** A decided sts:AssumeRole hop, with the conditions the caller must meet. */
  addHop(hop: AssumeRoleHop, highlighted?: boolean): void;
  build(): AccessGraph;
}

/** A statement as a MatchedStatement, for edges that come from reading a policy rather than a decision. */
export function statementRef(policyId: string, type: PolicyType, statement: PolicyStatement): MatchedStatement {
  return {
    sourcePolicyId: policyId,
    sourcePolicyType: type,
    statementId: statement.sid,
    statementIndex: statement.index,
    effect: statement.effect,
    startPosition: statement.start,
    endPosition: statement.end,
  };
}

/**
 * Creates a builder over a model and its directory. Nodes and edges are deduplicated (an edge by type,
 * source and target: later statements join the first's), a highlight sticks once set, and every policy a
 * node or statement names is carried with its text so a viewer can show the statement behind an edge.
 */
export function createAccessGraphBuilder(
  model: AuthorizationModel,
  directory: AccessGraphDirectory,
): AccessGraphBuilder {
  const nodes = new Map<string, AccessGraphNode>();
  const edges = new Map<string, AccessGraphEdge>();
  const policyIds = new Set<string>();

  const node = (
    id: string,
    type: AccessGraphNodeType,
    label: string,
    accountId: string | null,
    parentId: string | null,
    highlighted = false,
  ) => {
    const existing = nodes.get(id);
    if (existing) existing.highlighted ||= highlighted;
    else nodes.set(id, { id, type, label, accountId, parentId, highlighted });
    return id;
  };

  const addUnit = (unitId: string): string | null => {
    const unit = directory.units.get(unitId);
    if (unit === undefined) return null;
    const parent = unit.parentId === null ? addOrganization(unit.organizationId) : addUnit(unit.parentId);
    return node(unit.id, 'organizationalUnit', unit.name, null, parent);
  };
  const addOrganization = (organizationId: string) => node(organizationId, 'organization', organizationId, null, null);

  const builder: AccessGraphBuilder = {
    model,
    directory,
    addAccount(accountId) {
      const id = `account:${accountId}`;
      if (nodes.has(id)) return id;
      const account = directory.accounts.get(accountId);
      const parent = account?.parentId ? addUnit(account.parentId) : null;
      return node(id, 'account', account ? `${account.name} (${accountId})` : accountId, accountId, parent);
    },
    addPrincipal(name, highlighted = false) {
      const stored = model.principals.get(name);
      if (stored)
        return node(
          stored.arn,
          stored.kind,
          stored.name,
          stored.accountId,
          builder.addAccount(stored.accountId),
          highlighted,
        );
      if (name.startsWith('arn:') && /:(oidc|saml)-provider\//.test(name)) {
        const accountId = name.split(':')[4] ?? '';
        return node(
          name,
          'identityProvider',
          name.slice(name.indexOf('/') + 1),
          accountId,
          builder.addAccount(accountId),
          highlighted,
        );
      }
      const parsed = parsePrincipal(name);
      if (parsed === null)
        return /^[a-z0-9.-]+\.[a-z]+$/.test(name)
          ? node(name, 'identityProvider', name, null, null, highlighted)
          : null;
      if (parsed.kind === 'wildcard') return node('*', 'public', 'everyone (*)', null, null, highlighted);
      if (parsed.kind === 'service')
        return node(`service:${parsed.arn}`, 'service', parsed.arn, null, null, highlighted);
      if (parsed.kind === 'root') {
        const id = builder.addAccount(parsed.account);
        nodes.get(id)!.highlighted ||= highlighted;
        return id;
      }
      // A principal that is not stored (deleted, or in an account the playground does not hold): its account.
      return builder.addAccount(parsed.account);
    },
    addResource(arn, highlighted = false) {
      const stored = model.resources.get(arn) ?? findBucket(model, arn);
      const accountId = stored?.accountId ?? null;
      const label = arn.replace(/^arn:aws:[^:]*:[^:]*:[^:]*:/, '');
      return node(
        arn,
        'resource',
        label,
        accountId,
        accountId === null ? null : builder.addAccount(accountId),
        highlighted,
      );
    },
    addPolicy(id) {
      policyIds.add(id);
      const accountId = /^arn:aws:iam::(\d{12}):/.exec(id)?.[1] ?? null;
      const label = id.includes(':inline/')
        ? `${id.slice(id.indexOf(':inline/') + 8)} (inline)`
        : id.slice(id.lastIndexOf('/') + 1);
      return node(id, 'policy', label, accountId, accountId === null ? null : builder.addAccount(accountId));
    },
    addGroup(group) {
      for (const policyId of group.policyIds) policyIds.add(policyId);
      return node(group.arn, 'group', group.name, group.accountId, builder.addAccount(group.accountId));
    },
    addEdge(edge) {
      const id = `${edge.type}:${edge.source}->${edge.target}`;
      for (const statement of edge.matchedStatements) policyIds.add(statement.sourcePolicyId);
      const existing = edges.get(id);
      if (existing) {
        existing.highlighted ||= edge.highlighted ?? false;
        for (const statement of edge.matchedStatements) {
          if (
            !existing.matchedStatements.some(
              (s) => s.sourcePolicyId === statement.sourcePolicyId && s.statementIndex === statement.statementIndex,
            )
          ) {
            existing.matchedStatements.push(statement);
          }
        }
        return;
      }
      edges.set(id, { ...edge, id, highlighted: edge.highlighted ?? false });
    },
    addHop(hop, highlighted = false) {
      const source = builder.addPrincipal(hop.callerArn, highlighted);
      const target = builder.addPrincipal(hop.roleArn, highlighted);
      if (source === null || target === null) return;
      const conditions = describeHopConditions(hop.requirements);
      builder.addEdge({
        type: 'canAssume',
        source,
        target,
        label: conditions.length === 0 ? 'can assume' : `can assume (${conditions.join(', ')})`,
        conditions,
        matchedStatements: hop.matchedStatements,
        highlighted,
      });
    },
    build() {
      const policies = [...policyIds].flatMap((id) => {
        const document = model.policyDocuments.get(id) ?? directory.policyDocuments.get(id);
        return document === undefined ? [] : [{ id, name: id.slice(id.lastIndexOf('/') + 1), document }];
      });
      return { nodes: [...nodes.values()], edges: [...edges.values()], policies };
    },
  };
  return builder;
}

/** An S3 object belongs to its bucket's account (the bucket is what the playground stores). */
function findBucket(model: AuthorizationModel, arn: string) {
  const match = /^(arn:aws:s3:::[^/]+)\//.exec(arn);
  return match?.[1] === undefined ? undefined : model.resources.get(match[1]);
}
