import { parsePolicy } from '../policy/parsePolicy.js';
import type { AnalysisRole, AnalysisUser } from './AuthorizationModel.js';
import type { AssumeRoleGraph } from './createAssumeRoleGraph.js';
import { statementRef, type AccessGraphBuilder } from './createAccessGraphBuilder.js';
import { describeStatementConditions } from './describeHopConditions.js';
import { describeSubject, describeTarget, evaluateAccess, mayIdentityAllow } from './evaluateAccess.js';

/**
 * Adds everything one account holds to a graph: its principals, groups and resources; who is in which
 * group; the policies attached to each (group policies on the group, not repeated on its members); who can
 * assume each role (hops decided by the engine, with their conditions, callers from any account; services
 * and identity providers its trust policy names); who may pass which role (iam:PassRole, decided by the
 * engine); and whom each resource policy grants.
 */
export function addAccountContents(builder: AccessGraphBuilder, graph: AssumeRoleGraph, accountId: string): void {
  const { model, directory } = builder;
  builder.addAccount(accountId);
  const principals = model.principalsByAccount.get(accountId) ?? [];
  const viaGroups = new Map<string, Set<string>>();
  for (const group of directory.groups) {
    if (group.accountId !== accountId) continue;
    const groupId = builder.addGroup(group);
    for (const policyId of group.policyIds) {
      builder.addEdge({
        type: 'attachedPolicy',
        source: groupId,
        target: builder.addPolicy(policyId),
        label: 'attached',
        conditions: [],
        matchedStatements: [],
      });
    }
    for (const member of group.memberArns) {
      const userId = builder.addPrincipal(member);
      if (userId === null) continue;
      builder.addEdge({
        type: 'memberOf',
        source: userId,
        target: groupId,
        label: 'member of',
        conditions: [],
        matchedStatements: [],
      });
      const inherited = viaGroups.get(member) ?? new Set<string>();
      for (const policyId of group.policyIds) inherited.add(policyId);
      viaGroups.set(member, inherited);
    }
  }
  for (const principal of principals) {
    const id = builder.addPrincipal(principal.arn)!;
    for (const policy of principal.identityPolicies) {
      if (viaGroups.get(principal.arn)?.has(policy.sourcePolicyId)) continue;
      builder.addEdge({
        type: 'attachedPolicy',
        source: id,
        target: builder.addPolicy(policy.sourcePolicyId),
        label: 'attached',
        conditions: [],
        matchedStatements: [],
      });
    }
    if (principal.permissionsBoundary !== null) {
      builder.addEdge({
        type: 'attachedPolicy',
        source: id,
        target: builder.addPolicy(principal.permissionsBoundary.sourcePolicyId),
        label: 'permissions boundary',
        conditions: [],
        matchedStatements: [],
      });
    }
  }
  const roles = principals.filter((principal): principal is AnalysisRole => principal.kind === 'role');
  for (const role of roles) {
    for (const hop of graph.inbound(role)) builder.addHop(hop);
    addNonIamTrust(builder, role);
  }
  addPassRoleEdges(builder, principals, roles);
  addResourceGrants(builder, accountId);
}

/** Services and identity providers a trust policy names: they assume the role on the statement's conditions. */
function addNonIamTrust(builder: AccessGraphBuilder, role: AnalysisRole): void {
  for (const { parsed, allowsAssumeRole } of role.trustStatements) {
    const names = parsed.principal === null ? [] : [...parsed.principal.service, ...parsed.principal.federated];
    if (parsed.effect !== 'Allow' || names.length === 0) continue;
    const conditions = describeStatementConditions(parsed.conditions);
    for (const name of names) {
      const source = builder.addPrincipal(name);
      if (source === null) continue;
      builder.addEdge({
        type: 'canAssume',
        source,
        target: role.arn,
        label: allowsAssumeRole ? 'can assume' : (parsed.action ?? ['can assume']).join(', '),
        conditions,
        matchedStatements: [statementRef(`${role.arn}#trust`, 'trust', parsed)],
      });
    }
  }
}

/** iam:PassRole within the account (a role can only be passed to a service in its own account). */
function addPassRoleEdges(
  builder: AccessGraphBuilder,
  principals: readonly (AnalysisUser | AnalysisRole)[],
  roles: readonly AnalysisRole[],
): void {
  const { model } = builder;
  for (const principal of principals) {
    const subject = describeSubject(model, principal);
    for (const role of roles) {
      if (role === principal || !mayIdentityAllow(subject, 'iam:passrole', role.arn)) continue;
      const result = evaluateAccess(model, subject, 'iam:PassRole', describeTarget(model, role.arn, 'iam:PassRole'));
      if (result.evalDecision !== 'allowed') continue;
      builder.addEdge({
        type: 'passesRole',
        source: principal.arn,
        target: role.arn,
        label: 'passes role',
        conditions: [],
        matchedStatements: result.matchedStatements,
      });
    }
  }
}

/** Whom each resource policy of the account grants, statement by statement. */
function addResourceGrants(builder: AccessGraphBuilder, accountId: string): void {
  const { model } = builder;
  for (const resource of model.resources.values()) {
    if (resource.accountId !== accountId) continue;
    const resourceId = builder.addResource(resource.arn);
    const text = resource.policy === null ? undefined : model.policyDocuments.get(resource.arn);
    const parsed = text === undefined ? null : parsePolicy(text, 'resource').policy;
    for (const statement of parsed?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      const block = statement.principal ?? statement.notPrincipal;
      const names =
        block === null
          ? []
          : block.wildcard || statement.notPrincipal !== null
            ? ['*']
            : [...block.aws, ...block.service, ...block.federated];
      const actions = statement.action ?? (statement.notAction ?? []).map((action) => `not ${action}`);
      for (const name of names) {
        const source = builder.addPrincipal(name);
        if (source === null) continue;
        builder.addEdge({
          type: 'grantsThroughResourcePolicy',
          source,
          target: resourceId,
          label: actions.join(', '),
          conditions: describeStatementConditions(statement.conditions),
          matchedStatements: [statementRef(resource.arn, 'resource', statement)],
        });
      }
    }
  }
}
