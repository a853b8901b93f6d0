import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import {
  compilePolicy,
  createContextFromEntries,
  evaluateRequest,
  type ContextEntry,
  type EvaluationResult,
} from '../../iam/index.js';
import { recordAuditEvent } from '../audit/recordAuditEvent.js';
import type { Caller } from '../auth/Caller.js';
import { accessDeniedMessage, denialReasonOf } from './accessDeniedMessage.js';
import { loadCallerPolicies, loadResourceControlPolicies, type CallerPolicies } from './loadCallerPolicies.js';

/** One authorization question: may the caller perform `action` on `resourceArn`? */
export interface AuthorizationCheck {
  /** The IAM action AWS checks, e.g. `iam:CreateRole`. Its part after the colon is the audit event name. */
  action: string;
  resourceArn: string;
  /** The account that owns the resource. */
  resourceAccountId: string;
  /** The resource's own policy (an S3 bucket policy, ...), when it has one. */
  resourcePolicy?: string | null;
  /** `kmsKey` when the resource policy is a KMS key policy, which must allow explicitly; default `other`. */
  resourceKind?: 'kmsKey' | 'other';
  resourceTags?: Record<string, string> | null;
  /** Request keys such as aws:RequestTag/* and aws:TagKeys. */
  context?: ContextEntry[];
  /** Whether RCPs of the resource's account apply (they govern S3, STS, SQS, KMS and Secrets Manager, not IAM). */
  resourceControlPolicies?: boolean;
}

const perRequest = new WeakMap<Context, Promise<CallerPolicies>>();

/** Who is asking, or MissingAuthenticationToken when nobody signed the request. */
export function requireCaller(context: Context): Caller {
  if (context.caller === null) throw awsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  return context.caller;
}

/**
 * Authorizes one operation with the engine, as AWS would: the caller's identity policies, boundary, session
 * policies and SCPs (loaded once per request in a fixed number of queries), the resource's policy and its
 * account's RCPs. Records the decision as an audit event, then returns, or throws AccessDenied with AWS's
 * message. The operator, the playground's bootstrap credential, acts as any account's root and is always
 * allowed (still audited).
 */
export async function authorize(context: Context, check: AuthorizationCheck): Promise<EvaluationResult | null> {
  const caller = requireCaller(context);
  const eventName = check.action.slice(check.action.indexOf(':') + 1);
  const audit = { eventName, action: check.action, resourceArn: check.resourceArn, accountId: check.resourceAccountId };
  if (caller.type === 'operator') {
    await recordAuditEvent(context.database.prisma, caller, { ...audit, decision: 'Allow' });
    return null;
  }
  let evaluation = perRequest.get(context);
  if (evaluation === undefined) {
    evaluation = loadCallerPolicies(context.database.prisma, caller);
    perRequest.set(context, evaluation);
  }
  const callerEvaluation = await evaluation;
  const result = await decide(context, callerEvaluation, check);
  const allowed = result.evalDecision === 'allowed';
  const message = allowed ? null : accessDeniedMessage(caller.arn, check.action, check.resourceArn, denialReasonOf(result));
  await recordAuditEvent(context.database.prisma, caller, {
    ...audit,
    decision: allowed ? 'Allow' : 'Deny',
    errorCode: allowed ? null : 'AccessDenied',
    errorMessage: message,
    detail: { evalDecision: result.evalDecision, explanation: result.explanation },
  });
  if (message !== null) throw awsError('AccessDenied', message);
  return result;
}

async function decide(context: Context, caller: CallerPolicies, check: AuthorizationCheck): Promise<EvaluationResult> {
  const rcps = check.resourceControlPolicies ? await loadResourceControlPolicies(context.database.prisma, check.resourceAccountId) : null;
  const supplied = createContextFromEntries(check.context ?? []);
  const resourcePolicy = check.resourcePolicy ? compilePolicy(check.resourcePolicy, 'resource', check.resourceArn) : null;
  return evaluateRequest(
    {
      action: check.action,
      resource: {
        arn: check.resourceArn,
        account: check.resourceAccountId,
        kind: check.resourceKind ?? 'other',
        tags: check.resourceTags ?? null,
        orgId: rcps?.orgId ?? null,
        orgPaths: rcps?.orgPaths ?? null,
      },
      ...caller,
      rcpLevels: rcps?.levels ?? [],
      resourcePolicy: resourcePolicy?.ok ? resourcePolicy.policy : null,
      context: supplied.ok ? supplied.context : null,
    },
    { explain: false },
  );
}
