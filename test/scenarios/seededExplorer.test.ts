import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { explorerConfigElementId, type ExplorerPageConfig } from '../../src/features/explorer/explorerPageConfig.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { createDefaultRoutes } from '../../src/http/createDefaultRoutes.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** Reads the page config the explorer page embeds (the examples it opens as tabs). */
function readPageConfig(html: string): ExplorerPageConfig {
  const match = new RegExp(`<script[^>]*id="${explorerConfigElementId}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
  if (match?.[1] === undefined) throw new Error('no explorer config in the page');
  return JSON.parse(match[1]) as ExplorerPageConfig;
}

describe("SEED: the explorer opens with the scenario's examples", () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    // Given a scenario loaded the way main.ts loads SEED=<name>
    database = await createTestDatabase();
    const loaded = await loadScenarioByName(database.prisma, 'vendor-external-id', {
      cipher: createSecretCipher(randomBytes(32)),
    });
    server = await startTestServer({ database, routes: createDefaultRoutes({ examples: loaded.examples }) });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("embeds the scenario's example operations in the page", async () => {
    // When a browser opens the playground
    const response = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    // Then the page carries the scenario's examples, not the built-in ones
    const html = await response.text();
    expect(response.status, html.slice(0, 200)).toBe(200);
    const config = readPageConfig(html);
    expect(config.examples.map((e) => e.title)).toEqual([
      "Assume the customer's role with the right ExternalId",
      'Who am I?',
      'Who can read the invoices?',
      'Paths from the vendor into the customer account',
    ]);
    expect(config.examples[0]?.variables).toEqual({
      roleArn: 'arn:aws:iam::110000000001:role/VendorIntegration',
      externalId: 'cust-7f3a9c',
    });
  });
});
