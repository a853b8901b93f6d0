import type { PrismaClient } from '../../generated/prisma/client.js';
import type { EvaluationResult } from '../../iam/index.js';
import type { AuditEventInput } from '../audit/recordAuditEvent.js';
import {
  createAssemblyLoaders,
  type AssemblyLoaders,
  type CacheResourceControls,
  type PrincipalSide,
} from './assembleRequest.js';

/**
 * What one request remembers about authorization, kept on its context where a reader sees it (never in a
 * module-level map): the loaders every decision reads stored state through; the caller's side, described
 * once; every decision already made, so the same question asked by many fields (or 10,000 aliases) is decided
 * and audited once; and the audit events to write in one statement after execution, so no field waits on an
 * INSERT and sibling fields keep batching their loads.
 */
export interface AuthorizationState {
  loaders: AssemblyLoaders;
  callerSide: Promise<PrincipalSide> | null;
  /** Decisions by question (see `checkKey`); null for the operator, who is always allowed. */
  decisions: Map<string, Promise<EvaluationResult | null>>;
  /** The request's audit events, written by `flushAuditEvents` when the response is ready. */
  pendingAudit: AuditEventInput[];
}

/** A fresh state for a new request; `cache` keeps accounts' resource sides between requests (see createAssemblyLoaders). */
export function createAuthorizationState(prisma: PrismaClient, cache?: CacheResourceControls): AuthorizationState {
  return { loaders: createAssemblyLoaders(prisma, cache), callerSide: null, decisions: new Map(), pendingAudit: [] };
}
