import type { CompiledPolicy } from '../evaluate/compilePolicy.js';
import { compileStoredPolicy } from '../evaluate/compileStoredPolicy.js';
import type { PolicyKind } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { AnalysisResource, AnalysisRole, AnalysisUser, TrustStatement } from './AuthorizationModel.js';
import type { RawAccountSlice, RawPolicy } from './AuthorizationSnapshot.js';
import { indexSliceGrants, type SliceGrants } from './createGrantIndex.js';
import { createPolicyTable, type PolicyTable } from './createPolicyTable.js';

/** One account's principals and resources, compiled: the unit the authorization index swaps on a change. */
export interface AccountSlice {
  accountId: string;
  users: AnalysisUser[];
  roles: AnalysisRole[];
  resources: AnalysisResource[];
  /** Ids of stored policies that did not compile (each stands in as a Deny of everything). */
  invalidPolicies: string[];
  /** The text of each compiled policy by id. */
  policyDocuments: Map<string, string>;
  /** This account's part of the grant index (which principals' identity policies may allow what). */
  grants: SliceGrants;
}

/**
 * Compiles one account's rows for the analysis: identity policies, boundaries, trust policies (also parsed,
 * so the path search can read who they name and which conditions they set) and resource policies.
 * Policies are compiled through `table`, shared by content with every other slice compiled through it, so the
 * many copies of a shared managed policy cost one compile and one copy of its statements.
 */
export function compileAccountSlice(raw: RawAccountSlice, table: PolicyTable = createPolicyTable()): AccountSlice {
  const invalidPolicies: string[] = [];
  const policyDocuments = new Map<string, string>();
  // A stored policy that no longer compiles denies everything (compileStoredPolicy): never dropped. Its
  // stand-in is not in the table, so the grant index treats it as a candidate for every action (see grantKeys);
  // the engine then decides the Deny.
  const compile = (policy: RawPolicy, kind: PolicyKind): CompiledPolicy => {
    const result = table.compile(policy.document, kind, policy.id);
    if (result.ok) {
      policyDocuments.set(policy.id, table.text(result.policy.hash) ?? policy.document);
      return result.policy;
    }
    invalidPolicies.push(policy.id);
    return compileStoredPolicy(policy.document, kind, policy.id);
  };
  const compileAll = (policies: RawPolicy[]) => policies.map((policy) => compile(policy, 'identity'));
  const users: AnalysisUser[] = raw.users.map((user) => ({
    kind: 'user',
    id: user.id,
    arn: user.arn,
    name: user.name,
    accountId: user.accountId,
    tags: user.tags,
    identityPolicies: compileAll(user.policies),
    permissionsBoundary: user.boundary === null ? null : compile(user.boundary, 'permissionsBoundary'),
  }));
  const roles: AnalysisRole[] = raw.roles.map((role) => {
    const trustPolicy = compile({ id: `${role.arn}#trust`, document: role.trustDocument }, 'trust');
    return {
      kind: 'role',
      id: role.id,
      arn: role.arn,
      name: role.name,
      accountId: role.accountId,
      tags: role.tags,
      identityPolicies: compileAll(role.policies),
      permissionsBoundary: role.boundary === null ? null : compile(role.boundary, 'permissionsBoundary'),
      trustPolicy,
      trustStatements:
        trustPolicy === null
          ? []
          : table.derived(trustPolicy.hash, 'trustStatements', () =>
              readTrustStatements(role.trustDocument, trustPolicy),
            ),
      maxSessionDuration: role.maxSessionDuration,
    };
  });
  const resources: AnalysisResource[] = raw.resources.map((resource) => ({
    arn: resource.arn,
    accountId: resource.accountId,
    service: resource.service,
    resourceType: resource.resourceType,
    policy:
      resource.policyDocument === null
        ? null
        : compile({ id: resource.arn, document: resource.policyDocument }, 'resource'),
    tags: resource.tags,
  }));
  const grants = indexSliceGrants(raw.accountId, [...users, ...roles], (hash) => table.grantKeys(hash));
  return { accountId: raw.accountId, users, roles, resources, invalidPolicies, policyDocuments, grants };
}

function readTrustStatements(document: string, compiled: CompiledPolicy): TrustStatement[] {
  const { policy } = parsePolicy(document, 'trust');
  if (policy === null) return [];
  return policy.statements.map((parsed, i) => ({
    parsed,
    allowsAssumeRole: parsed.effect === 'Allow' && (compiled.statements[i]?.matchesAction('sts:assumerole') ?? false),
  }));
}
