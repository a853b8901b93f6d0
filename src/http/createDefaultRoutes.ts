import { createExplorerRoutes } from '../features/explorer/createExplorerRoutes.js';
import type { ExplorerExample } from '../features/explorer/explorerExamples.js';
import type { ExplorerScenario } from '../features/explorer/explorerPageConfig.js';
import type { Route } from './Route.js';

/**
 * The routes the service serves besides `/health` and `/graphql`, shared by main.ts and the test server so
 * tests run what production runs: the explorer (GET / and browser GETs of /graphql, assets under /explorer/),
 * opening with a seeded scenario's `examples` (and naming the `scenario`) when there is one.
 */
export function createDefaultRoutes(
  options: { examples?: readonly ExplorerExample[]; scenario?: ExplorerScenario } = {},
): Route[] {
  return [
    createExplorerRoutes({
      ...(options.examples === undefined ? {} : { examples: options.examples }),
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    }),
  ];
}
