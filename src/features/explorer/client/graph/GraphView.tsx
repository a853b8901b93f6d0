import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type FormEvent, type JSX } from 'react';
import type { ExplorerCredentials } from '../explorerCredentials.js';
import { postGraphql } from '../postGraphql.js';
import { accessGraphQuery, toScopeInput, type AccessGraphData, type GraphScopeChoice } from './accessGraphQuery.js';
import { GraphDetails, type GraphSelection } from './GraphDetails.js';
import { createGraphStyle, edgeLegend, nodeLegend } from './graphStyle.js';
import { layoutAccessGraph } from './layoutAccessGraph.js';
import type { GraphScopeSuggestions } from './suggestGraphScopes.js';
import { toCytoscapeElements } from './toCytoscapeElements.js';

/** Props of {@link GraphView}. */
export interface GraphViewProps {
  endpoint: string;
  credentials: ExplorerCredentials;
  suggestions: GraphScopeSuggestions;
  /** A scope to draw at once (from "Draw" on a who-can or paths result). */
  request: GraphScopeChoice | null;
}

const kinds: ReadonlyArray<{ kind: GraphScopeChoice['kind']; label: string }> = [
  { kind: 'account', label: 'Account' },
  { kind: 'organization', label: 'Organization' },
  { kind: 'whoCanAccess', label: 'Who can access' },
  { kind: 'assumeRolePaths', label: 'Paths' },
];

/**
 * The graph view: pick a scope (an account, an organization, a who-can question or a path question), draw its
 * accessGraph with Cytoscape, laid out by layoutAccessGraph — accounts as boxes holding their principals in a
 * grid by kind, inside their OU, the boxes packed with connected ones side by side —,
 * labelled edges, the answer highlighted and the rest faded — and click a node or edge for its policies and
 * the statement that makes it. Zoom and pan with the mouse; policies and edge types can be switched off to
 * keep a few hundred nodes legible.
 */
export function GraphView({ endpoint, credentials, suggestions, request }: GraphViewProps): JSX.Element {
  const [choice, setChoice] = useState<GraphScopeChoice>(
    () => request ?? { kind: 'account', accountId: suggestions.accountIds[0] ?? '' },
  );
  const [graph, setGraph] = useState<AccessGraphData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selection, setSelection] = useState<GraphSelection>(null);
  const [showPolicies, setShowPolicies] = useState(false);
  const [hiddenEdgeTypes, setHiddenEdgeTypes] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  const draw = async (scope: GraphScopeChoice): Promise<void> => {
    setLoading(true);
    setSelection(null);
    const answer = await postGraphql<{ accessGraph: AccessGraphData }>(endpoint, credentials, accessGraphQuery, {
      scope: toScopeInput(scope),
    });
    setLoading(false);
    setError(answer.errors.map((e) => `${e.extensions?.code ?? 'Error'}: ${e.message}`).join('\n') || null);
    setGraph(answer.data?.accessGraph ?? null);
  };

  useEffect(() => {
    if (request !== null) {
      setChoice(request);
      void draw(request);
    }
    // Drawing again only when a new request arrives from outside the view.
  }, [request]);

  const elements = useMemo(
    () => (graph ? toCytoscapeElements(graph, { showPolicies, hiddenEdgeTypes }) : []),
    [graph, showPolicies, hiddenEdgeTypes],
  );

  useEffect(() => {
    if (!container.current) return;
    const layout = layoutOf(elements);
    const instance = cytoscape({
      container: container.current,
      elements: elements.map((element) =>
        layout.labelSizes.has(String(element.data.id))
          ? { ...element, data: { ...element.data, labelSize: layout.labelSizes.get(String(element.data.id)) } }
          : element,
      ),
      style: createGraphStyle(),
      wheelSensitivity: 0.3,
      minZoom: 0.01,
      maxZoom: 4,
    });
    const { positions } = layout;
    instance.layout({ name: 'preset', positions: Object.fromEntries(positions), padding: 20 }).run();
    instance.on('tap', 'node', (event) => setSelection({ kind: 'node', id: event.target.id() }));
    instance.on('tap', 'edge', (event) => setSelection({ kind: 'edge', id: event.target.id() }));
    cy.current = instance;
    // A handle for the browser console (and the browser test), as GraphiQL leaves its Monaco on `__MONACO`.
    (window as { __IAM_GRAPH__?: Core }).__IAM_GRAPH__ = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [elements]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void draw(choice);
  };
  const field = (name: string, value: string, update: (value: string) => void, placeholder: string) => (
    <input
      name={name}
      aria-label={name}
      value={value}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(event) => update(event.target.value)}
    />
  );
  const switchKind = (kind: GraphScopeChoice['kind']): void => {
    if (kind === 'account') setChoice({ kind, accountId: suggestions.accountIds[0] ?? '' });
    if (kind === 'organization') setChoice({ kind, organizationId: '' });
    if (kind === 'whoCanAccess') setChoice(suggestions.whoCanAccess ?? { kind, resourceArn: '', action: '' });
    if (kind === 'assumeRolePaths') setChoice(suggestions.assumeRolePaths ?? { kind, fromArn: '', toRoleArn: '' });
  };
  const counts = graph
    ? `${graph.nodes.length} nodes · ${graph.edges.length} edges · ${graph.nodes.filter((n) => n.highlighted).length} highlighted`
    : '';

  return (
    <div className="explorer-graph">
      <form className="explorer-graph-scope" aria-label="Graph scope" onSubmit={submit}>
        {kinds.map((entry) => (
          <label key={entry.kind} className="explorer-graph-kind">
            <input
              type="radio"
              name="kind"
              checked={choice.kind === entry.kind}
              onChange={() => switchKind(entry.kind)}
            />
            {entry.label}
          </label>
        ))}
        {choice.kind === 'account'
          ? field('accountId', choice.accountId, (accountId) => setChoice({ ...choice, accountId }), '123456789012')
          : null}
        {choice.kind === 'organization'
          ? field(
              'organizationId',
              choice.organizationId,
              (organizationId) => setChoice({ ...choice, organizationId }),
              'o-…',
            )
          : null}
        {choice.kind === 'whoCanAccess' ? (
          <>
            {field(
              'resourceArn',
              choice.resourceArn,
              (resourceArn) => setChoice({ ...choice, resourceArn }),
              'arn:aws:s3:::bucket/key',
            )}
            {field('action', choice.action, (action) => setChoice({ ...choice, action }), 's3:GetObject')}
          </>
        ) : null}
        {choice.kind === 'assumeRolePaths' ? (
          <>
            {field('fromArn', choice.fromArn, (fromArn) => setChoice({ ...choice, fromArn }), 'arn:aws:iam::…:user/…')}
            {field(
              'toRoleArn',
              choice.toRoleArn,
              (toRoleArn) => setChoice({ ...choice, toRoleArn }),
              'arn:aws:iam::…:role/…',
            )}
          </>
        ) : null}
        <button type="submit" disabled={loading}>
          {loading ? 'Drawing…' : 'Draw'}
        </button>
        <button
          type="button"
          onClick={() => {
            cy.current?.elements().removeClass('unfocused');
            cy.current?.fit(undefined, 20);
          }}
        >
          Fit
        </button>
        <input
          name="focus"
          aria-label="focus"
          value={focus}
          placeholder="focus on a name or ARN"
          spellCheck={false}
          onChange={(event) => setFocus(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (cy.current) focusOn(cy.current, focus);
          }}
        />
        <label className="explorer-graph-kind">
          <input type="checkbox" checked={showPolicies} onChange={(event) => setShowPolicies(event.target.checked)} />
          policies
        </label>
        <span className="explorer-graph-counts" role="status">
          {counts}
        </span>
      </form>
      {error ? <pre className="explorer-graph-error">{error}</pre> : null}
      <div className="explorer-graph-body">
        <div ref={container} className="explorer-graph-canvas" data-testid="graph-canvas" />
        <aside className="explorer-graph-side">
          <Legend hidden={hiddenEdgeTypes} onToggle={(type) => setHiddenEdgeTypes(toggle(hiddenEdgeTypes, type))} />
          {graph ? (
            <GraphDetails graph={graph} selection={selection} />
          ) : (
            <p className="explorer-graph-hint">Pick a scope and press Draw.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/** The layout of Cytoscape elements (see layoutAccessGraph). */
function layoutOf(elements: readonly ElementDefinition[]) {
  const nodes = elements
    .filter((element) => element.group === 'nodes')
    .map(({ data }) => ({
      id: String(data.id),
      type: String(data.type),
      parent: typeof data.parent === 'string' ? data.parent : null,
      label: String(data.label),
    }));
  const edges = elements
    .filter((element) => element.group === 'edges')
    .map(({ data }) => ({ source: String(data.source), target: String(data.target) }));
  return layoutAccessGraph(nodes, edges);
}

/**
 * Big graphs are read a neighbourhood at a time: the nodes whose name or id contains `text`, everything one
 * edge away and the boxes holding them stay; the rest dims, and the view zooms to the nodes and their neighbours.
 */
function focusOn(instance: Core, text: string): void {
  const needle = text.trim().toLowerCase();
  instance.elements().removeClass('unfocused');
  if (needle === '') return;
  const matched = instance
    .nodes()
    .filter((node) => `${node.id()} ${String(node.data('label'))}`.toLowerCase().includes(needle));
  if (matched.length === 0) return;
  const neighbourhood = matched.closedNeighborhood();
  instance.elements().not(neighbourhood.union(neighbourhood.ancestors())).addClass('unfocused');
  // Zoom to the neighbourhood itself: its OU and organization boxes stay lit but would zoom out to everything.
  instance.fit(neighbourhood, 30);
}

function Legend({ hidden, onToggle }: { hidden: ReadonlySet<string>; onToggle: (type: string) => void }): JSX.Element {
  return (
    <div className="explorer-graph-legend" aria-label="Legend">
      <ul>
        {nodeLegend.map((entry) => (
          <li key={entry.type}>
            <span className="swatch" style={{ background: entry.color }} /> {entry.label}
          </li>
        ))}
        <li>
          <span className="swatch swatch-box" /> account (box) in its OU
        </li>
      </ul>
      <ul>
        {edgeLegend.map((entry) => (
          <li key={entry.type}>
            <label>
              <input type="checkbox" checked={!hidden.has(entry.type)} onChange={() => onToggle(entry.type)} />
              <span className="line" style={{ borderTop: `2px ${entry.style} ${entry.color}` }} /> {entry.label}
            </label>
          </li>
        ))}
        <li>
          <span className="line line-highlight" /> the answer (highlighted)
        </li>
      </ul>
    </div>
  );
}

function toggle(set: ReadonlySet<string>, value: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}
