import { createContextFromEntries } from '../evaluate/createContextFromEntries.js';
import type { CompiledPolicy } from '../evaluate/compilePolicy.js';
import { evaluateRequest } from '../evaluate/evaluateRequest.js';
import type { EvaluationResult } from '../simulationTypes.js';
import { buildServiceAssumeContext } from './servicePrincipals.js';

/** The role a service would assume, and the resource it would assume it for. */
export interface ServiceAssumeRequest {
  servicePrincipal: string;
  role: { arn: string; accountId: string; tags?: Readonly<Record<string, string>> | null };
  trustPolicy: CompiledPolicy;
  /** The instance or function ARN (aws:SourceArn); its account is aws:SourceAccount. */
  sourceArn: string;
  sourceAccount: string;
  now?: Date;
}

/**
 * Whether a service principal may assume a role: the role's trust policy alone decides (a service has no
 * identity policies and is outside SCPs), with `aws:SourceAccount` and `aws:SourceArn` in the context as the
 * service sends them. Lambda refuses a function whose role fails this ("The role defined for the function
 * cannot be assumed by Lambda."); EC2 launches but the instance gets no credentials.
 */
export function serviceCanAssumeRole(request: ServiceAssumeRequest): EvaluationResult {
  const context = createContextFromEntries(buildServiceAssumeContext(request.sourceAccount, request.sourceArn));
  return evaluateRequest(
    {
      action: 'sts:AssumeRole',
      principal: { arn: request.servicePrincipal, account: '', type: 'Service' },
      resource: {
        arn: request.role.arn,
        account: request.role.accountId,
        kind: 'trust',
        tags: request.role.tags ?? null,
      },
      identityPolicies: [],
      permissionsBoundary: null,
      sessionPolicies: null,
      scpLevels: [],
      rcpLevels: [],
      resourcePolicy: request.trustPolicy,
      context: context.ok ? context.context : null,
      ...(request.now ? { now: request.now } : {}),
    },
    { explain: true },
  );
}
