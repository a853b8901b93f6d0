import type { PolicyDocumentKind, Resolvers } from '../../generated/graphql.js';
import {
  POLICY_KIND_RULES,
  countPolicyCharacters,
  validatePolicy,
  type PolicyKind,
  type PolicyWarning,
} from '../../iam/index.js';
import { authorize, requireCaller } from '../authorization/authorize.js';

const KINDS: Readonly<Record<PolicyDocumentKind, PolicyKind>> = {
  IDENTITY: 'identity',
  PERMISSIONS_BOUNDARY: 'permissionsBoundary',
  SESSION: 'session',
  SCP: 'scp',
  RCP: 'rcp',
  RESOURCE: 'resource',
  TRUST: 'trust',
};

/** The engine's findings about a stored document, for the `warnings` fields of the types that hold policies. */
function warningsOf(document: string | null, kind: PolicyKind): PolicyWarning[] {
  return document === null ? [] : validatePolicy(document, kind).warnings;
}

/**
 * `validatePolicy` (IAM's grammar and quotas, Access Analyzer-style findings with positions) and the
 * `warnings` of every stored policy, so a mutation that stores a policy can select what was found in it.
 */
export const policyValidationResolvers: Resolvers = {
  Query: {
    validatePolicy: async (_parent, { policy, kind }, context) => {
      await authorize(context, {
        action: 'access-analyzer:ValidatePolicy',
        resourceArn: '*',
        resourceAccountId: requireCaller(context).accountId,
      });
      const engineKind = KINDS[kind];
      const rules = POLICY_KIND_RULES[engineKind];
      const { errors, warnings } = validatePolicy(policy, engineKind);
      return {
        valid: errors.length === 0,
        errors,
        warnings,
        size: countPolicyCharacters(policy, rules.countsWhitespace),
        quota: rules.maxSize,
      };
    },
  },
  PolicyVersion: { warnings: (version) => warningsOf(version.document, 'identity') },
  InlinePolicy: { warnings: (policy) => warningsOf(policy.document, 'identity') },
  Role: { trustPolicyWarnings: (role) => warningsOf(role.assumeRolePolicyDocument, 'trust') },
  OrganizationPolicy: {
    warnings: (policy) => warningsOf(policy.document, policy.type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : 'scp'),
  },
  Resource: { policyWarnings: (resource) => warningsOf(resource.policyDocument, 'resource') },
};
