import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import {
  createContextFromEntries,
  evaluateRequest,
  type ContextEntry,
  type EvaluationResult,
} from '../../iam/index.js';
import type { Caller } from '../auth/Caller.js';
import { accessDeniedMessage, denialReasonOf } from './accessDeniedMessage.js';
import { loadRequestCallerSide } from '../cache/cachedCallerFacts.js';
import { assembleRequest } from './assembleRequest.js';

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
  /**
   * @deprecated Ignored: the engine decides where RCPs apply (the services they govern, never in the
   * management account). Kept so that callers written before still compile.
   */
  resourceControlPolicies?: boolean;
}

/** Who is asking, or MissingAuthenticationToken when nobody signed the request. */
export function requireCaller(context: Context): Caller {
  if (context.caller === null) throw awsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  return context.caller;
}

/**
 * Authorizes one operation with the engine, as AWS would: the request is assembled by assembleRequest — the
 * caller's identity policies, boundary, session policies and SCPs (described once per request, through
 * batched loaders), the resource's policy and its account's RCPs. Returns the engine's result, or throws AccessDenied with AWS's message. Each distinct
 * question is decided once per request and audited once; the audit rows are written together after the
 * request executed (see flushAuditEvents). The operator, the playground's bootstrap credential, acts as any
 * account's root and is always allowed (still audited).
 */
export async function authorize(context: Context, check: AuthorizationCheck): Promise<EvaluationResult | null> {
  const caller = requireCaller(context);
  const result = await decide(context, caller, check);
  if (result !== null && result.evalDecision !== 'allowed') {
    throw awsError(
      'AccessDenied',
      accessDeniedMessage(caller.arn, check.action, check.resourceArn, denialReasonOf(result)),
    );
  }
  return result;
}

/** Like {@link authorize}, but answers whether the caller is allowed instead of throwing: for filtering answers. */
export async function isAuthorized(context: Context, check: AuthorizationCheck): Promise<boolean> {
  const result = await decide(context, requireCaller(context), check);
  return result === null || result.evalDecision === 'allowed';
}

/** Decides (once per request per question) and queues the audit event of the decision. */
function decide(context: Context, caller: Caller, check: AuthorizationCheck): Promise<EvaluationResult | null> {
  const state = context.authorization;
  const key = checkKey(check);
  let decision = state.decisions.get(key);
  if (decision === undefined) {
    decision = evaluateCheck(context, caller, check).then((result) => {
      const allowed = result === null || result.evalDecision === 'allowed';
      state.pendingAudit.push({
        eventName: check.action.slice(check.action.indexOf(':') + 1),
        action: check.action,
        resourceArn: check.resourceArn,
        accountId: check.resourceAccountId,
        decision: allowed ? 'Allow' : 'Deny',
        errorCode: allowed ? null : 'AccessDenied',
        errorMessage:
          allowed || result === null
            ? null
            : accessDeniedMessage(caller.arn, check.action, check.resourceArn, denialReasonOf(result)),
        ...(result === null ? {} : { detail: { evalDecision: result.evalDecision, explanation: result.explanation } }),
      });
      return result;
    });
    state.decisions.set(key, decision);
  }
  return decision;
}

/** The identity of a question: every field of the check, in a fixed order. */
function checkKey(check: AuthorizationCheck): string {
  return JSON.stringify([
    check.action,
    check.resourceArn,
    check.resourceAccountId,
    check.resourcePolicy ?? null,
    check.resourceKind ?? 'other',
    check.resourceTags ?? null,
    check.context ?? [],
  ]);
}

async function evaluateCheck(
  context: Context,
  caller: Caller,
  check: AuthorizationCheck,
): Promise<EvaluationResult | null> {
  if (caller.type === 'operator') return null;
  const state = context.authorization;
  // The caller's side is shared between requests through the version-keyed cache: no older than any committed write.
  const callerSide = loadRequestCallerSide(context, caller);
  const supplied = createContextFromEntries(check.context ?? []);
  if (!supplied.ok) throw awsError('ValidationError', supplied.errors.map((error) => error.message).join('; '));
  const target = {
    arn: check.resourceArn,
    accountId: check.resourceAccountId,
    kind: check.resourceKind ?? 'other',
    policy: check.resourcePolicy ?? null,
    tags: check.resourceTags ?? null,
  };
  return evaluateRequest(
    await assembleRequest(state.loaders, await callerSide, check.action, target, supplied.context),
    { explain: false },
  );
}
