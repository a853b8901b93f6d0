import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

// GraphQL over HTTP conformance: every audit of the `graphql-http` package, run against the real server.
// An audit that errors fails the test; SHOULD/MAY audits that only warn are printed (and listed in the README).
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  for (const audit of serverAudits({ url: () => `${server.url}/graphql` })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status === 'warn') console.warn(`graphql-http warning: ${audit.name}: ${result.reason}`);
      expect(result.status, result.status === 'ok' ? '' : result.reason).not.toBe('error');
    });
  }
});
