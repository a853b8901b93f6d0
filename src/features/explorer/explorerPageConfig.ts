import type { ExplorerExample } from './explorerExamples.js';

/**
 * What the server tells the explorer page, embedded in the HTML as JSON so the page needs no second request
 * (and the scenario loaded at start decides the examples without a rebuild of the bundle).
 */
export interface ExplorerPageConfig {
  /** Where GraphQL requests go, e.g. `/graphql`. */
  endpoint: string;
  /** The URL path the bundle is served under, e.g. `/explorer`; workers load from here. */
  assetBase: string;
  /** The example operations opened as tabs. */
  examples: readonly ExplorerExample[];
  /**
   * The scenario loaded at start (`SEED=<name>`), whose examples the tabs are; null when none was, and the
   * page then says how to load one.
   */
  scenario: ExplorerScenario | null;
}

/** The scenario the explorer's tabs were written for. */
export interface ExplorerScenario {
  /** Its file name under scenarios/, e.g. `cross-account-auditor`. */
  name: string;
  /** Its one-line title. */
  title: string;
}

/** The id of the `<script type="application/json">` element that holds the page config. */
export const explorerConfigElementId = 'explorer-config';
