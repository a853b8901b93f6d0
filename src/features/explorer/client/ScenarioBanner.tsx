import type { JSX } from 'react';
import type { ExplorerScenario } from '../explorerPageConfig.js';

/**
 * One line under the credentials: the scenario the tabs were written for, or — on a start without one — how
 * to load the scenario the default tabs use, so a newcomer's first Run does not end in NoSuchEntity.
 */
export function ScenarioBanner({ scenario, hint }: { scenario: ExplorerScenario | null; hint: string }): JSX.Element {
  if (scenario !== null) {
    return (
      <p className="explorer-scenario" role="status">
        Scenario <code>{scenario.name}</code>: {scenario.title}. Sign in with a key it printed at start.
      </p>
    );
  }
  return (
    <p className="explorer-scenario explorer-scenario-missing" role="status">
      {hint.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </p>
  );
}
