import type { Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo, useRef, useState, type JSX } from 'react';
import type { ExplorerPageConfig } from '../explorerPageConfig.js';
import { createCredentialStore } from './createCredentialStore.js';
import { createExplorerFetcher } from './createExplorerFetcher.js';
import { createScopedStorage, fingerprint } from './createScopedStorage.js';
import { CredentialsPanel } from './CredentialsPanel.js';
import type { ExplorerCredentials } from './explorerCredentials.js';
import { toTabDefinition } from './toTabDefinition.js';

/**
 * The explorer: the credentials panel above GraphiQL, whose fetcher signs each request with the panel's
 * credentials and notices credentials handed out by results. Tabs start from the page's examples.
 */
export function ExplorerApp({ config }: { config: ExplorerPageConfig }): JSX.Element {
  const store = useMemo(() => createCredentialStore(window.sessionStorage), []);
  const [credentials, setCredentials] = useState<ExplorerCredentials>(() => store.load());
  const [issued, setIssued] = useState<ExplorerCredentials | null>(null);
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
        fetch: window.fetch.bind(window),
      }) as unknown as Fetcher,
    [config.endpoint],
  );
  const tabs = useMemo(() => config.examples.map(toTabDefinition), [config.examples]);
  const storage = useMemo(
    () => createScopedStorage(window.localStorage, `iam-playground:${fingerprint(JSON.stringify(tabs))}:`),
    [tabs],
  );

  const changeCredentials = (next: ExplorerCredentials): void => {
    store.save(next);
    setCredentials(next);
  };

  return (
    <div className="explorer">
      <CredentialsPanel credentials={credentials} onChange={changeCredentials} issued={issued} />
      <div className="explorer-graphiql">
        <GraphiQL fetcher={fetcher} defaultTabs={tabs} storage={storage} defaultEditorToolsVisibility />
      </div>
    </div>
  );
}
