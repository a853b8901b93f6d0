import type { DecisionResult, EvalDecision } from './decisionQuery.js';

/** How one step of the evaluation came out. */
export type StepOutcome = 'allow' | 'deny' | 'noAllow' | 'pass' | 'notApplicable';

/** One step of AWS's policy evaluation flow, as a simulation answered it. */
export interface FlowStep {
  key: 'explicitDeny' | 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';
  title: string;
  outcome: StepOutcome;
  /** A short sentence: what this step said. */
  detail: string;
  /** The policy types whose policies belong to the step. */
  policyTypes: string[];
  /** The step that decided the request (the deny, the missing allow, or — when allowed — none). */
  decisive: boolean;
}

const fromFlag = (flag: boolean | null): StepOutcome => (flag === null ? 'notApplicable' : flag ? 'allow' : 'deny');
const fromDecision = (decision: EvalDecision | undefined): StepOutcome =>
  decision === undefined
    ? 'notApplicable'
    : decision === 'ALLOWED'
      ? 'allow'
      : decision === 'EXPLICIT_DENY'
        ? 'deny'
        : 'noAllow';

/**
 * AWS's documented evaluation order — explicit deny, SCPs, RCPs, resource-based policy, identity-based
 * policies, permissions boundary, session policy — with each step's outcome read from one simulation result,
 * and the step that decided marked: the explicit deny; else the first guardrail (SCP, RCP, boundary, session
 * policy) that does not allow; else the missing Allow (identity, or — across accounts — the resource policy).
 */
export function toEvaluationFlow(result: DecisionResult): FlowStep[] {
  const detailOf = (types: string[]) => {
    const found = result.evalDecisionDetails.filter((detail) => types.includes(detail.policyType));
    if (found.some((detail) => detail.decision === 'EXPLICIT_DENY')) return 'EXPLICIT_DENY';
    if (found.some((detail) => detail.decision === 'ALLOWED')) return 'ALLOWED';
    return found.length > 0 ? 'IMPLICIT_DENY' : undefined;
  };
  const explicit = result.evalDecision === 'EXPLICIT_DENY';
  const steps: FlowStep[] = [
    {
      key: 'explicitDeny',
      title: 'Explicit deny',
      outcome: explicit ? 'deny' : 'pass',
      detail: explicit ? 'a Deny statement matched: denied, whatever allows' : 'no Deny statement matched',
      policyTypes: [],
      decisive: false,
    },
    {
      key: 'scp',
      title: 'SCPs',
      outcome: fromFlag(result.allowedByOrganizations),
      detail: '',
      policyTypes: ['scp'],
      decisive: false,
    },
    {
      key: 'rcp',
      title: 'RCPs',
      outcome: fromFlag(result.allowedByResourceControlPolicies),
      detail: '',
      policyTypes: ['rcp'],
      decisive: false,
    },
    {
      key: 'resource',
      title: 'Resource-based policy',
      outcome: fromDecision(detailOf(['resource', 'trust'])),
      detail: '',
      policyTypes: ['resource', 'trust'],
      decisive: false,
    },
    {
      key: 'identity',
      title: 'Identity-based policies',
      outcome: fromDecision(detailOf(['identity'])),
      detail: '',
      policyTypes: ['identity'],
      decisive: false,
    },
    {
      key: 'boundary',
      title: 'Permissions boundary',
      outcome: fromFlag(result.allowedByPermissionsBoundary),
      detail: '',
      policyTypes: ['permissionsBoundary'],
      decisive: false,
    },
    {
      key: 'session',
      title: 'Session policy',
      outcome: fromFlag(result.allowedBySessionPolicy),
      detail: '',
      policyTypes: ['session'],
      decisive: false,
    },
  ];
  for (const step of steps) if (step.detail === '') step.detail = describeOutcome(step.outcome);
  const decisive = explicit
    ? steps[0]
    : result.evalDecision === 'ALLOWED'
      ? undefined
      : (steps.find((step) => ['scp', 'rcp', 'boundary', 'session'].includes(step.key) && step.outcome === 'deny') ??
        (steps[4]!.outcome === 'allow' && result.crossAccount ? steps[3] : steps[4]));
  if (decisive) decisive.decisive = true;
  if (explicit)
    for (const step of steps.slice(1))
      if (step.outcome !== 'deny') step.outcome = step.outcome === 'notApplicable' ? 'notApplicable' : 'pass';
  return steps;
}

function describeOutcome(outcome: StepOutcome): string {
  switch (outcome) {
    case 'allow':
      return 'allows';
    case 'deny':
      return 'does not allow: denied';
    case 'noAllow':
      return 'no statement allows';
    case 'pass':
      return 'not reached';
    case 'notApplicable':
      return 'none apply';
  }
}
