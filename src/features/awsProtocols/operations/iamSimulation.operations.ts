import type { Context } from '../../../context.js';
import type {
  ContextEntryInput,
  ContextKeyType,
  EvaluationResult,
  SimulationResult,
} from '../../../generated/graphql.js';
import { awsError } from '../../../graphql/errors.js';
import { requireArn } from '../../../graphql/requireArn.js';
import { compilePolicy, listContextKeys, type CompiledPolicy } from '../../../iam/index.js';
import { loadAccessSubject } from '../../access/loadAccessSubject.js';
import { simulateCustomPolicy } from '../../access/simulateCustomPolicy.js';
import { simulatePrincipalPolicy } from '../../access/simulatePrincipalPolicy.js';
import { authorize, requireCaller } from '../../authorization/authorize.js';
import { AwsMap, type AwsOperation } from '../AwsOperation.js';
import type { OperationInput } from '../OperationInput.js';
import { pageByMarker } from '../pageByMarker.js';
import { authorizeAccountRead } from '../readIamEntity.js';

/** IAM's decisions are the engine's camelCase ones; GraphQL spells them SCREAMING_CASE. */
const DECISIONS = { ALLOWED: 'allowed', EXPLICIT_DENY: 'explicitDeny', IMPLICIT_DENY: 'implicitDeny' } as const;

/** AWS's ContextKeyType (`stringList`) as GraphQL's enum (`STRING_LIST`), so both APIs hand the engine the same entries. */
function readContextEntries(input: OperationInput): ContextEntryInput[] {
  return input.structureList('ContextEntries').map((entry) => {
    const type = entry.optionalString('ContextKeyType');
    return {
      key: entry.string('ContextKeyName'),
      values: entry.stringList('ContextKeyValues'),
      type: type === undefined ? null : (type.replace(/([A-Z])/g, '_$1').toUpperCase() as ContextKeyType),
    };
  });
}

/** IAM's SourcePolicyType for a matched statement: where the policy came from, as the simulator names it. */
function sourcePolicyType(id: string, type: string): string {
  if (type === 'resource') return 'resource';
  if (id.startsWith('arn:aws:iam::aws:policy/')) return 'aws-managed';
  if (/^arn:aws:iam::\d{12}:policy\//.test(id)) return 'user-managed';
  return 'none';
}

/** One EvaluationResult in IAM's shape: decision values `allowed`, `explicitDeny`, `implicitDeny`. */
function toEvaluationResult(result: EvaluationResult) {
  return {
    EvalActionName: result.evalActionName,
    EvalResourceName: result.evalResourceName,
    EvalDecision: DECISIONS[result.evalDecision],
    MatchedStatements: result.matchedStatements.map((statement) => ({
      SourcePolicyId: statement.sourcePolicyId,
      SourcePolicyType: sourcePolicyType(statement.sourcePolicyId, statement.sourcePolicyType),
      StartPosition: { Line: statement.startPosition.line, Column: statement.startPosition.column },
      EndPosition: { Line: statement.endPosition.line, Column: statement.endPosition.column },
    })),
    MissingContextValues: result.missingContextValues,
    OrganizationsDecisionDetail:
      result.allowedByOrganizations == null ? undefined : { AllowedByOrganizations: result.allowedByOrganizations },
    PermissionsBoundaryDecisionDetail:
      result.allowedByPermissionsBoundary == null
        ? undefined
        : { AllowedByPermissionsBoundary: result.allowedByPermissionsBoundary },
    // IAM fills EvalDecisionDetails for cross-account simulations only, per side of the decision.
    EvalDecisionDetails: result.crossAccount
      ? new AwsMap(
          Object.fromEntries(
            result.evalDecisionDetails.map((detail) => [
              detail.policyType === 'resource'
                ? 'Resource Policy'
                : detail.policyType === 'identity'
                  ? 'IAM Policy'
                  : detail.policyType,
              DECISIONS[detail.decision],
            ]),
          ),
        )
      : undefined,
  };
}

function toSimulationResponse(result: SimulationResult, input: OperationInput) {
  const indexed = result.evaluationResults.map((evaluation, index) => ({ evaluation, index }));
  const page = pageByMarker(indexed, input, (item) => [item.index]);
  return {
    EvaluationResults: page.items.map((item) => toEvaluationResult(item.evaluation)),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

function compileAll(texts: readonly string[], source: string): CompiledPolicy[] {
  return texts.map((text, i) => {
    const compiled = compilePolicy(text, 'identity', `${source}.${i + 1}`);
    if (!compiled.ok)
      throw awsError('InvalidInput', `${source}.${i + 1}: ${compiled.errors.map((error) => error.message).join('; ')}`);
    return compiled.policy;
  });
}

/** Authorizes an IAM action on a principal ARN named by the request, in the account the ARN names. */
async function authorizeOnPrincipal(context: Context, action: string, arn: string): Promise<void> {
  const account = requireArn(arn).account;
  await authorize(context, {
    action,
    resourceArn: arn,
    resourceAccountId: account || requireCaller(context).accountId,
  });
}

/** IAM's policy simulator and context-key operations over the engine's simulators, as GraphQL's simulate queries. */
export const iamSimulationOperations: AwsOperation[] = [
  {
    service: 'iam',
    name: 'SimulateCustomPolicy',
    action: 'iam:SimulateCustomPolicy',
    kind: 'read',
    graphql: 'Query.simulateCustomPolicy',
    run: async (context, input, action) => {
      await authorizeAccountRead(context, action);
      const resourceArns = input.stringList('ResourceArns');
      const result = simulateCustomPolicy({
        policyInputList: input.stringList('PolicyInputList'),
        permissionsBoundaryPolicyInputList: input.stringList('PermissionsBoundaryPolicyInputList'),
        actionNames: input.stringList('ActionNames'),
        resourceArns: resourceArns.length > 0 ? resourceArns : null,
        resourcePolicy: input.optionalString('ResourcePolicy') ?? null,
        resourceOwner: input.optionalString('ResourceOwner') ?? null,
        callerArn: input.optionalString('CallerArn') ?? null,
        contextEntries: readContextEntries(input),
      });
      return toSimulationResponse(result, input);
    },
  },
  {
    service: 'iam',
    name: 'SimulatePrincipalPolicy',
    action: 'iam:SimulatePrincipalPolicy',
    kind: 'read',
    graphql: 'Query.simulatePrincipalPolicy',
    run: async (context, input, action) => {
      const policySourceArn = input.string('PolicySourceArn');
      await authorizeOnPrincipal(context, action, policySourceArn);
      const resourceArns = input.stringList('ResourceArns');
      const result = await simulatePrincipalPolicy(context, {
        policySourceArn,
        policyInputList: input.stringList('PolicyInputList'),
        actionNames: input.stringList('ActionNames'),
        resourceArns: resourceArns.length > 0 ? resourceArns : null,
        resourcePolicy: input.optionalString('ResourcePolicy') ?? null,
        contextEntries: readContextEntries(input),
      });
      return toSimulationResponse(result, input);
    },
  },
  {
    service: 'iam',
    name: 'GetContextKeysForCustomPolicy',
    action: 'iam:GetContextKeysForCustomPolicy',
    kind: 'read',
    graphql: null,
    run: async (context, input, action) => {
      await authorizeAccountRead(context, action);
      return { ContextKeyNames: listContextKeys(compileAll(input.stringList('PolicyInputList'), 'PolicyInputList')) };
    },
  },
  {
    service: 'iam',
    name: 'GetContextKeysForPrincipalPolicy',
    action: 'iam:GetContextKeysForPrincipalPolicy',
    kind: 'read',
    graphql: null,
    run: async (context, input, action) => {
      const arn = input.string('PolicySourceArn');
      await authorizeOnPrincipal(context, action, arn);
      const { subject } = await loadAccessSubject(context, { kind: 'arn', arn });
      return {
        ContextKeyNames: listContextKeys([
          ...subject.identityPolicies,
          ...compileAll(input.stringList('PolicyInputList'), 'PolicyInputList'),
        ]),
      };
    },
  },
];
