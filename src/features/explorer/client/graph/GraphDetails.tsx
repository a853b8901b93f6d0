import type { JSX } from 'react';
import { PolicyText } from '../PolicyText.js';
import type { AccessGraphData } from './accessGraphQuery.js';

/** What is selected in the drawing. */
export type GraphSelection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

/**
 * The panel beside the drawing: for an edge, its conditions and the statements that make it, each marked in
 * its policy's text; for a node, the policies that apply to it (and a role's trust policy).
 */
export function GraphDetails({ graph, selection }: { graph: AccessGraphData; selection: GraphSelection }): JSX.Element {
  const policyText = (id: string) => graph.policies.find((policy) => policy.id === id);
  if (selection === null) {
    return (
      <p className="explorer-graph-hint">
        Click a node or an edge to see its policies and the statement that makes the edge.
      </p>
    );
  }
  if (selection.kind === 'edge') {
    const edge = graph.edges.find((candidate) => candidate.id === selection.id);
    if (!edge) return <p />;
    return (
      <div>
        <h3>{edge.label}</h3>
        <p className="explorer-graph-ends">
          <code>{edge.source}</code> → <code>{edge.target}</code>
        </p>
        {edge.conditions.length > 0 ? (
          <ul className="explorer-graph-conditions">
            {edge.conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
        ) : null}
        {edge.matchedStatements.map((statement) => {
          const policy = policyText(statement.sourcePolicyId);
          return policy ? (
            <PolicyText
              key={`${statement.sourcePolicyId}:${statement.startPosition.line}:${statement.startPosition.column}`}
              title={`${statement.sourcePolicyType} policy ${policy.id}${statement.statementId ? ` (${statement.statementId})` : ''}`}
              document={policy.document}
              statement={{ start: statement.startPosition, end: statement.endPosition }}
              tone={statement.effect === 'Deny' ? 'deny' : 'allow'}
            />
          ) : (
            <p key={statement.sourcePolicyId}>
              {statement.sourcePolicyType} policy <code>{statement.sourcePolicyId}</code>
            </p>
          );
        })}
      </div>
    );
  }
  const node = graph.nodes.find((candidate) => candidate.id === selection.id);
  if (!node) return <p />;
  const attached = graph.edges
    .filter((edge) => edge.source === node.id && edge.type === 'ATTACHED_POLICY')
    .map((edge) => edge.target);
  const own = [...attached, `${node.id}#trust`, node.id].map(policyText).filter((policy) => policy !== undefined);
  return (
    <div>
      <h3>
        {node.label} <small>{node.type.toLowerCase().replace(/_/g, ' ')}</small>
      </h3>
      <p className="explorer-graph-ends">
        <code>{node.id}</code>
      </p>
      {own.length === 0 ? <p>No policies of its own in this graph.</p> : null}
      {own.map((policy) => (
        <PolicyText key={policy.id} title={policy.id} document={policy.document} />
      ))}
    </div>
  );
}
