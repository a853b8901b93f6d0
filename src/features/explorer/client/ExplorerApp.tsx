import type { Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo, useRef, useState, type JSX } from 'react';
import type { ExplorerPageConfig } from '../explorerPageConfig.js';
import { createCredentialStore } from './createCredentialStore.js';
import { createExplorerFetcher } from './createExplorerFetcher.js';
import { createScopedStorage, fingerprint } from './createScopedStorage.js';
import { CredentialsPanel } from './CredentialsPanel.js';
import type { ExplorerCredentials } from './explorerCredentials.js';
import { noScenarioHint } from '../explorerExamples.js';
import type { DeniedRequest } from './parseAccessDenied.js';
import { ScenarioBanner } from './ScenarioBanner.js';
import { toTabDefinition } from './toTabDefinition.js';
import { WhyDeniedButton } from './WhyDeniedButton.js';
import { DecisionView } from './decision/DecisionView.js';
import { GraphView } from './graph/GraphView.js';
import { LiveFeed } from './live/LiveFeed.js';
import { suggestGraphScopes } from './graph/suggestGraphScopes.js';
import type { GraphScopeChoice } from './graph/accessGraphQuery.js';
import { findDrawableAnswer } from './graph/findDrawableAnswer.js';
import { ViewTabs, type ExplorerView } from './ViewTabs.js';

/**
 * The explorer: the credentials panel above GraphiQL, whose fetcher signs each request with the panel's
 * credentials and notices credentials handed out by results (offering to switch to them) and denials (offering
 * "why?"). Tabs start from the page's examples; a line names their scenario or says how to load one.
 */
export function ExplorerApp({ config }: { config: ExplorerPageConfig }): JSX.Element {
  const store = useMemo(() => createCredentialStore(window.sessionStorage), []);
  const [credentials, setCredentials] = useState<ExplorerCredentials>(() => store.load());
  const [issued, setIssued] = useState<ExplorerCredentials | null>(null);
  const [denied, setDenied] = useState<DeniedRequest | null>(null);
  const [view, setView] = useState<ExplorerView>('query');
  const [drawRequest, setDrawRequest] = useState<DeniedRequest | null>(null);
  const [drawable, setDrawable] = useState<GraphScopeChoice | null>(null);
  const [graphRequest, setGraphRequest] = useState<GraphScopeChoice | null>(null);
  const drawDecision = (request: DeniedRequest): void => {
    setDrawRequest({ ...request });
    setView('decision');
  };
  const suggestions = useMemo(() => suggestGraphScopes(config.examples), [config.examples]);
  // The fetcher is created once (GraphiQL refetches the schema when it changes) and reads the latest
  // credentials through this ref.
  const credentialsRef = useRef(credentials);
  credentialsRef.current = credentials;

  const fetcher = useMemo(
    () =>
      createExplorerFetcher({
        endpoint: config.endpoint,
        getCredentials: () => credentialsRef.current,
        onCredentialsIssued: setIssued,
        onDenied: setDenied,
        onAnswered: (request, succeeded) => setDrawable(succeeded ? findDrawableAnswer(request) : null),
        fetch: window.fetch.bind(window),
      }) as unknown as Fetcher,
    [config.endpoint],
  );
  const tabs = useMemo(() => config.examples.map(toTabDefinition), [config.examples]);
  const storage = useMemo(
    () => createScopedStorage(window.localStorage, `iam-playground:${fingerprint(JSON.stringify(tabs))}:`),
    [tabs],
  );
  // GraphiQL fills the editors of the first tab from these, not from `defaultTabs` (which only names the
  // tabs): without them the first tab opens with an empty Variables pane. Only on a first visit, since a
  // stored session brings its own.
  const firstVisit = useMemo(() => storage.getItem('graphiql:tabs') === null, [storage]);

  const changeCredentials = (next: ExplorerCredentials): void => {
    store.save(next);
    setCredentials(next);
  };

  return (
    <div className="explorer">
      <CredentialsPanel credentials={credentials} onChange={changeCredentials} issued={issued} />
      <ScenarioBanner scenario={config.scenario} hint={noScenarioHint} />
      <ViewTabs view={view} onChange={setView} />
      {view === 'graph' ? (
        <GraphView
          endpoint={config.endpoint}
          credentials={credentials}
          suggestions={suggestions}
          request={graphRequest}
        />
      ) : null}
      {view === 'decision' ? (
        <DecisionView endpoint={config.endpoint} credentials={credentials} request={drawRequest} />
      ) : null}
      {view === 'live' ? <LiveFeed streamUrl={`${config.endpoint}/stream`} credentials={credentials} /> : null}
      <div className="explorer-graphiql" hidden={view !== 'query'}>
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={tabs}
          storage={storage}
          defaultEditorToolsVisibility
          {...(firstVisit && tabs[0] ? { initialQuery: tabs[0].query, initialVariables: tabs[0].variables ?? '' } : {})}
        >
          <GraphiQL.Footer>
            <WhyDeniedButton denied={denied} onDraw={drawDecision} />
            {drawable ? (
              <button
                type="button"
                className="explorer-draw-answer"
                onClick={() => {
                  setGraphRequest({ ...drawable });
                  setView('graph');
                }}
              >
                draw this answer as a graph
              </button>
            ) : null}
          </GraphiQL.Footer>
        </GraphiQL>
      </div>
    </div>
  );
}
