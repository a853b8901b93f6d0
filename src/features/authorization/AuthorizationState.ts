import type { EvaluationResult } from '../../iam/index.js';
import type { AuditEventInput } from '../audit/recordAuditEvent.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { CallerPolicies } from './loadCallerPolicies.js';
import { createOrganizationLevelsLoader, type OrganizationLevelsLoader } from './loadOrganizationLevels.js';

/**
 * What one request remembers about authorization, kept on its context where a reader sees it (never in a
 * module-level map): the caller's policies, loaded once; every decision already made, so the same question
 * asked by many fields (or 10,000 aliases) is decided and audited once; and the audit events to write in one
 * statement after execution, so no field waits on an INSERT and sibling fields keep batching their loads.
 */
export interface AuthorizationState {
  callerPolicies: Promise<CallerPolicies> | null;
  /** SCP and RCP levels by account, batched across the request's decisions. */
  organizationLevels: OrganizationLevelsLoader;
  /** Decisions by question (see `checkKey`); null for the operator, who is always allowed. */
  decisions: Map<string, Promise<EvaluationResult | null>>;
  /** The request's audit events, written by `flushAuditEvents` when the response is ready. */
  pendingAudit: AuditEventInput[];
}

/** A fresh state for a new request. */
export function createAuthorizationState(prisma: PrismaClient): AuthorizationState {
  return { callerPolicies: null, organizationLevels: createOrganizationLevelsLoader(prisma), decisions: new Map(), pendingAudit: [] };
}
