import type { JSX } from 'react';

/** The explorer's views. */
export type ExplorerView = 'query' | 'graph' | 'decision' | 'live';

const views: ReadonlyArray<{ view: ExplorerView; label: string }> = [
  { view: 'query', label: 'Query' },
  { view: 'graph', label: 'Graph' },
  { view: 'decision', label: 'Decision' },
  { view: 'live', label: 'Live' },
];

/** Switches between GraphiQL and the drawn views; GraphiQL stays mounted underneath, so its tabs survive. */
export function ViewTabs({
  view,
  onChange,
}: {
  view: ExplorerView;
  onChange: (view: ExplorerView) => void;
}): JSX.Element {
  return (
    <nav className="explorer-views" aria-label="Views">
      {views.map((entry) => (
        <button key={entry.view} type="button" aria-pressed={view === entry.view} onClick={() => onChange(entry.view)}>
          {entry.label}
        </button>
      ))}
    </nav>
  );
}
