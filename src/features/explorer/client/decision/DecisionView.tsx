import { useEffect, useState, type FormEvent, type JSX } from 'react';
import type { ExplorerCredentials } from '../explorerCredentials.js';
import type { DeniedRequest } from '../parseAccessDenied.js';
import { PolicyText } from '../PolicyText.js';
import { postGraphql } from '../postGraphql.js';
import { decisionQuery, type DecisionResult } from './decisionQuery.js';
import { toEvaluationFlow, type FlowStep } from './toEvaluationFlow.js';

/** Props of {@link DecisionView}. */
export interface DecisionViewProps {
  endpoint: string;
  credentials: ExplorerCredentials;
  /** A request to draw at once (from "draw it" under a denial), or the fields' starting values. */
  request: DeniedRequest | null;
}

const decisionLabels = {
  ALLOWED: 'Allowed',
  EXPLICIT_DENY: 'Explicitly denied',
  IMPLICIT_DENY: 'Implicitly denied',
} as const;

/**
 * A decision, drawn: the policy simulator on one request (who, which action, which resource), shown as AWS's
 * evaluation flow — explicit deny → SCPs → RCPs → resource-based policy → identity-based policies →
 * permissions boundary → session policy — each step with its outcome and the deciding one marked, then the
 * statements that decided, marked in their policy texts at their line and column.
 */
export function DecisionView({ endpoint, credentials, request }: DecisionViewProps): JSX.Element {
  const [fields, setFields] = useState<DeniedRequest>(
    () => request ?? { principalArn: '', action: '', resourceArn: '' },
  );
  const [result, setResult] = useState<DecisionResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const draw = async (asked: DeniedRequest): Promise<void> => {
    const answer = await postGraphql<{ simulatePrincipalPolicy: { evaluationResults: DecisionResult[] } }>(
      endpoint,
      credentials,
      decisionQuery,
      {
        policySourceArn: asked.principalArn,
        action: asked.action,
        resourceArns: [asked.resourceArn],
      },
    );
    setError(answer.errors.map((e) => `${e.extensions?.code ?? 'Error'}: ${e.message}`).join('\n') || null);
    setResult(answer.data?.simulatePrincipalPolicy.evaluationResults[0] ?? null);
  };

  useEffect(() => {
    if (request !== null) {
      setFields(request);
      void draw(request);
    }
    // Drawing again only when a new request arrives from outside the view.
  }, [request]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void draw(fields);
  };
  const input = (key: keyof DeniedRequest, placeholder: string) => (
    <input
      name={key}
      aria-label={key}
      value={fields[key]}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
    />
  );

  return (
    <div className="explorer-decision">
      <form className="explorer-graph-scope" aria-label="Request" onSubmit={submit}>
        {input('principalArn', 'arn:aws:iam::…:user/… (or role)')}
        {input('action', 'sts:AssumeRole')}
        {input('resourceArn', 'arn:aws:iam::…:role/…')}
        <button type="submit">Draw</button>
      </form>
      {error ? <pre className="explorer-graph-error">{error}</pre> : null}
      {result ? (
        <DrawnDecision result={result} />
      ) : (
        <p className="explorer-graph-hint">Name a principal, an action and a resource, and press Draw.</p>
      )}
    </div>
  );
}

function DrawnDecision({ result }: { result: DecisionResult }): JSX.Element {
  const steps = toEvaluationFlow(result);
  const decisive = steps.find((step) => step.decisive);
  const documentOf = (id: string) => result.policies.find((policy) => policy.sourcePolicyId === id)?.document ?? null;
  const decidingPolicies =
    result.matchedStatements.length === 0 && decisive
      ? result.policies.filter(
          (policy) => decisive.policyTypes.includes(policy.sourcePolicyType) && policy.document !== null,
        )
      : [];
  return (
    <div className="explorer-decision-body">
      <ol className="explorer-flow" aria-label="Evaluation flow">
        {steps.map((step) => (
          <FlowBox key={step.key} step={step} />
        ))}
        <li
          className={`explorer-flow-step explorer-flow-final explorer-flow-${result.evalDecision === 'ALLOWED' ? 'allow' : 'deny'}`}
        >
          <strong>{decisionLabels[result.evalDecision]}</strong>
          <span>
            {result.evalActionName} on {result.evalResourceName}
          </span>
        </li>
      </ol>
      <p className="explorer-decision-explanation">{result.explanation}</p>
      {result.missingContextValues.length > 0 ? (
        <p>Context keys the policies read but the request lacked: {result.missingContextValues.join(', ')}</p>
      ) : null}
      {result.matchedStatements.map((statement) => {
        const document = documentOf(statement.sourcePolicyId);
        const title = `${statement.sourcePolicyType} policy ${statement.sourcePolicyId}${statement.statementId ? ` — ${statement.statementId}` : ''}`;
        return document ? (
          <PolicyText
            key={`${statement.sourcePolicyId}:${statement.startPosition.line}:${statement.startPosition.column}`}
            title={title}
            document={document}
            statement={{ start: statement.startPosition, end: statement.endPosition }}
            tone={statement.effect === 'Deny' ? 'deny' : 'allow'}
          />
        ) : (
          <p key={statement.sourcePolicyId}>{title}</p>
        );
      })}
      {decidingPolicies.map((policy) => (
        <PolicyText
          key={policy.sourcePolicyId}
          title={`${policy.sourcePolicyType} policy ${policy.sourcePolicyId} — no statement allows`}
          document={policy.document ?? ''}
        />
      ))}
    </div>
  );
}

function FlowBox({ step }: { step: FlowStep }): JSX.Element {
  return (
    <li
      className={`explorer-flow-step explorer-flow-${step.outcome}${step.decisive ? ' explorer-flow-decisive' : ''}`}
      data-outcome={step.outcome}
      data-decisive={step.decisive}
    >
      <strong>{step.title}</strong>
      <span>{step.detail}</span>
    </li>
  );
}
