import { createClient } from 'graphql-sse';
import { useEffect, useRef, useState, type FormEvent, type JSX } from 'react';
import { buildAuthHeaders } from '../buildAuthHeaders.js';
import type { ExplorerCredentials } from '../explorerCredentials.js';

/** The subscription the feed runs. */
export const liveAuditQuery = `subscription LiveAudit($accountId: String) {
  auditEvents(accountId: $accountId) { eventId eventTime eventName principalArn action resourceArn decision errorCode }
}`;

interface FeedEvent {
  eventId: string;
  eventTime: string;
  eventName: string;
  principalArn: string | null;
  action: string | null;
  resourceArn: string | null;
  decision: 'ALLOW' | 'DENY' | 'ERROR';
  errorCode: string | null;
}

/** How many events the feed keeps on screen. */
const keep = 200;

/**
 * The live audit feed: the `auditEvents` subscription over Server-Sent Events (graphql-sse), signed with
 * the panel's credentials like every request, newest event first — every decision the playground makes, as
 * it makes it, from this process or any other on the same database.
 */
export function LiveFeed({
  streamUrl,
  credentials,
}: {
  streamUrl: string;
  credentials: ExplorerCredentials;
}): JSX.Element {
  const [accountId, setAccountId] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => () => stop.current?.(), []);

  const start = (event: FormEvent): void => {
    event.preventDefault();
    stop.current?.();
    setError(null);
    const client = createClient({ url: streamUrl, headers: () => buildAuthHeaders(credentials), retryAttempts: 0 });
    const unsubscribe = client.subscribe<{ auditEvents: FeedEvent }>(
      { query: liveAuditQuery, variables: accountId ? { accountId } : {} },
      {
        next: (result) => {
          if (result.errors?.length)
            setError(result.errors.map((e) => `${String(e.extensions?.code ?? 'Error')}: ${e.message}`).join('\n'));
          const next = result.data?.auditEvents;
          if (next) setEvents((current) => [next, ...current].slice(0, keep));
        },
        error: (failure) => setError(failure instanceof Error ? failure.message : String(failure)),
        complete: () => setRunning(null),
      },
    );
    stop.current = () => {
      unsubscribe();
      client.dispose();
    };
    setRunning(accountId || 'your account');
  };

  return (
    <div className="explorer-live">
      <form className="explorer-graph-scope" aria-label="Live audit feed" onSubmit={start}>
        <input
          name="accountId"
          aria-label="accountId"
          value={accountId}
          placeholder="account id (default: yours)"
          onChange={(e) => setAccountId(e.target.value)}
        />
        <button type="submit">{running ? 'Restart' : 'Start'}</button>
        <button
          type="button"
          disabled={!running}
          onClick={() => {
            stop.current?.();
            setRunning(null);
          }}
        >
          Stop
        </button>
        <span className="explorer-graph-counts" role="status">
          {running ? `following ${running} · ${events.length} ${events.length === 1 ? 'event' : 'events'}` : 'stopped'}
        </span>
      </form>
      {error ? <pre className="explorer-graph-error">{error}</pre> : null}
      <table className="explorer-live-table">
        <thead>
          <tr>
            <th>time</th>
            <th>event</th>
            <th>decision</th>
            <th>principal</th>
            <th>action</th>
            <th>resource</th>
          </tr>
        </thead>
        <tbody>
          {events.map((entry) => (
            <tr key={entry.eventId} className={`explorer-live-${entry.decision.toLowerCase()}`}>
              <td>{new Date(entry.eventTime).toLocaleTimeString()}</td>
              <td>{entry.eventName}</td>
              <td>{entry.errorCode ? `${entry.decision} (${entry.errorCode})` : entry.decision}</td>
              <td>{entry.principalArn ?? '—'}</td>
              <td>{entry.action ?? '—'}</td>
              <td>{entry.resourceArn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
