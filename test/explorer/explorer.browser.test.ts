import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/features/auth/createAuthenticator.js';
import { createSecretCipher } from '../../src/features/auth/secretCipher.js';
import { createExplorerRoutes } from '../../src/features/explorer/createExplorerRoutes.js';
import type { LoadedScenario } from '../../src/features/scenarios/loadScenario.js';
import { loadScenario } from '../../src/features/scenarios/loadScenario.js';
import { loadScenarioByName } from '../../src/features/scenarios/loadScenarioByName.js';
import { validateScenario } from '../../src/features/scenarios/validateScenario.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type PlaygroundServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { createLargeScenario, largeAccountIds } from './createLargeScenario.js';
import { blockNonLoopbackRequests, launchChromium } from './launchChromium.js';

// The explorer end to end in headless Debian Chromium, offline: the real server (real authentication) on a
// database seeded with the cross-account auditor scenario, whose examples the page opens as tabs.
let database: TestDatabase;
let server: PlaygroundServer;
let baseUrl: string;
let browser: Browser;
let alice: { accessKeyId: string; secretAccessKey: string };
let ops: { accessKeyId: string; secretAccessKey: string; principalArn: string };
let tinkerer: { accessKeyId: string; secretAccessKey: string; principalArn: string };
let largeAdmin: { accessKeyId: string; secretAccessKey: string };
let largeOrganizationId: string;

const pingExample = { title: 'Ping', query: 'query Ping {\n  __typename\n}' };
// A read alice may not make (another account's role), to be refused and asked "why?".
const deniedExample = {
  title: 'Denied',
  query: 'query DeniedRead {\n  role(arn: "arn:aws:iam::100000000002:role/SecurityAudit") { arn }\n}',
};

beforeAll(async () => {
  database = await createTestDatabase();
  const cipher = createSecretCipher(randomBytes(32));
  const scenario: LoadedScenario = await loadScenarioByName(database.prisma, 'cross-account-auditor', { cipher });
  const key = scenario.accessKeys.find((k) => k.principalArn === 'arn:aws:iam::100000000001:user/alice');
  if (!key) throw new Error('the cross-account-auditor scenario has no access key for alice');
  alice = key;
  // A second scenario side by side, for a decision an SCP denies explicitly.
  const guardrails = await loadScenarioByName(database.prisma, 'scp-guardrails', { cipher });
  ops = guardrails.accessKeys.find((k) => k.principalArn.endsWith(':user/ops'))!;
  tinkerer = guardrails.accessKeys.find((k) => k.principalArn.endsWith(':user/tinkerer'))!;
  // And an organization of ten accounts and about 300 principals and buckets, to draw whole.
  const large = validateScenario(createLargeScenario());
  if (!large.ok) throw new Error(JSON.stringify(large.errors));
  largeAdmin = (await loadScenario(database.prisma, large.scenario, { cipher })).accessKeys[0]!;
  largeOrganizationId = (
    await database.prisma.organization.findUniqueOrThrow({ where: { managementAccountId: largeAccountIds[0]! } })
  ).id;
  server = await createServer({
    database,
    logger: createLogger('silent'),
    cipher,
    authenticate: createAuthenticator({ cipher, operator: null }),
    routes: [
      createExplorerRoutes({
        examples: [...scenario.examples, pingExample, deniedExample],
        scenario: { name: scenario.name, title: scenario.title },
      }),
    ],
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

let context: BrowserContext;
let page: Page;
let blocked: string[];
let pageErrors: string[];

beforeEach(async () => {
  context = await browser.newContext();
  blocked = await blockNonLoopbackRequests(context);
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context?.close();
  // Then, whatever the test did, the page needed nothing from outside this machine and threw nothing.
  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function openExplorer(path = '/graphql'): Promise<void> {
  const response = await page.goto(baseUrl + path);
  expect(response?.status()).toBe(200);
  // Monaco has loaded (from our own bundle and workers) once the operation editor shows text.
  await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: /\S/ }).waitFor();
}

async function enterCredentials(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  await page.fill('#explorer-accessKeyId', credentials.accessKeyId);
  await page.fill('#explorer-secretAccessKey', credentials.secretAccessKey);
  await page.fill('#explorer-sessionToken', credentials.sessionToken ?? '');
}

interface GraphqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs the tab of the named operation and returns the result GraphiQL shows once it mentions `expected`. */
async function runTab(operationName: string, expected: string): Promise<GraphqlResult> {
  // A click that lands while GraphiQL re-renders (after the credentials panel changed, say) can be lost:
  // click again until the editor shows the tab's operation, as a person would.
  const editorShowsTab = page.locator('.graphiql-query-editor .view-lines').filter({ hasText: operationName });
  for (let attempt = 1; ; attempt += 1) {
    await page.locator('.graphiql-tab').getByText(operationName, { exact: true }).click();
    try {
      await editorShowsTab.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // GraphiQL works out the operation name of a freshly opened tab a moment after showing its text; a run in
  // that moment goes out named after the previous tab (the server rightly answers "Unknown operation named
  // …"). That is GraphiQL's own debounce, not the page's, so run again until the request carries this tab's
  // operation name — what a person would do.
  for (let attempt = 1; ; attempt += 1) {
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => {
        const request = candidate.request();
        return (
          request.method() === 'POST' &&
          candidate.url().endsWith('/graphql') &&
          !(request.postData() ?? '').includes('__schema')
        );
      }),
      page.locator('.graphiql-execute-button').click(),
    ]);
    const sent = response.request().postDataJSON() as { operationName?: string };
    if (sent.operationName === operationName) break;
    if (attempt === 3)
      throw new Error(`GraphiQL kept sending operation ${sent.operationName} for tab ${operationName}`);
  }
  // Polling the result (rather than waiting on the pane) makes a failure show what the pane held instead.
  await expect.poll(readResult, { timeout: 30_000, interval: 100 }).toContain(expected);
  await page.locator('.result-window .view-lines').filter({ hasText: expected }).waitFor();
  return JSON.parse(await readResult()) as GraphqlResult;
}

/** The text of GraphiQL's result editor, from its Monaco model (the pane itself wraps long lines). */
function readResult(): Promise<string> {
  return page.evaluate(() => {
    // GraphiQL keeps its Monaco instance here; its result model is named …response.json.
    const monaco = (
      globalThis as { __MONACO?: { editor: { getModels(): { uri: { path: string }; getValue(): string }[] } } }
    ).__MONACO;
    return (
      monaco?.editor
        .getModels()
        .find((model) => model.uri.path.endsWith('response.json'))
        ?.getValue() ?? ''
    );
  });
}

/** The text of one of GraphiQL's Monaco models, by the end of its name (…variables.json, …operation.graphql). */
function readModel(suffix: string): Promise<string> {
  return page.evaluate((end) => {
    const monaco = (
      globalThis as { __MONACO?: { editor: { getModels(): { uri: { path: string }; getValue(): string }[] } } }
    ).__MONACO;
    return (
      monaco?.editor
        .getModels()
        .find((model) => model.uri.path.endsWith(end))
        ?.getValue() ?? ''
    );
  }, suffix);
}

describe('the explorer in headless Chromium', () => {
  it('opens the first tab with its variables filled in, so Run works at once', async () => {
    await openExplorer();
    await expect.poll(() => readModel('variables.json')).toContain('arn:aws:iam::100000000003:role/SecurityAudit');
    await enterCredentials(alice);
    const assumed = await runTab('AssumeRole', 'assumedRoleUser');
    expect(assumed.errors).toBeUndefined();
  });

  it('offers "why?" under a denial, which runs the simulator on the same request', async () => {
    // Given alice refused a read of another account's role
    await openExplorer();
    await enterCredentials(alice);
    const refused = await runTab('DeniedRead', 'AccessDenied');
    expect(refused.errors?.[0]?.extensions?.code).toBe('AccessDenied');
    // When she draws the decision, it shows the same request as AWS's evaluation flow: no identity policy allows
    await page.getByRole('button', { name: 'draw the decision' }).click();
    await expect
      .poll(() => page.locator('.explorer-flow-final').innerText(), { timeout: 30_000 })
      .toContain('Implicitly denied');
    expect(await page.locator('.explorer-flow-step[data-decisive="true"]').innerText()).toContain(
      'Identity-based policies',
    );
    // When, back in the query view, she asks why
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Query' }).click();
    const [asked] = await Promise.all([
      page.waitForRequest(
        (request) =>
          request.method() === 'POST' &&
          request.url().endsWith('/graphql') &&
          (request.postData() ?? '').includes('simulatePrincipalPolicy'),
      ),
      page.getByRole('button', { name: 'why?' }).click(),
    ]);
    // Then one click sends the new tab's operation under its own name (not the previous tab's) ...
    expect((asked.postDataJSON() as { operationName?: string }).operationName).toBe('WhyDenied');
    // ... which asks the simulator about iam:GetRole on that role, as her, and shows the decision
    await expect.poll(readResult, { timeout: 30_000 }).toContain('IMPLICIT_DENY');
    const result = JSON.parse(await readResult()) as GraphqlResult;
    expect(result.data?.simulatePrincipalPolicy.evaluationResults[0]).toMatchObject({
      evalActionName: 'iam:GetRole',
      evalResourceName: 'arn:aws:iam::100000000002:role/SecurityAudit',
      evalDecision: 'IMPLICIT_DENY',
    });
    expect(await page.locator('.graphiql-tab').last().innerText()).toContain('WhyDenied');
  });

  it('draws a decision an SCP denies: the flow stops at the explicit deny, the statement marked in the SCP', async () => {
    // Given ops, an administrator of scp-guardrails' prod account, in the decision view
    await openExplorer();
    await enterCredentials(ops);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Decision' }).click();
    // When ops asks about launching an instance in us-east-1
    await page.fill('input[name="principalArn"]', ops.principalArn);
    await page.fill('input[name="action"]', 'ec2:RunInstances');
    await page.fill('input[name="resourceArn"]', 'arn:aws:ec2:us-east-1:150000000002:instance/*');
    await page.getByRole('button', { name: 'Draw' }).click();
    // Then the flow shows the explicit deny as decisive, the SCP step denying, the identity policies allowing.
    // RCPs do not apply: AWS's RCPs govern only the services they support (S3, STS, KMS, SQS, Secrets Manager
    // ...), not EC2, so the engine reports no RCP verdict (allowedByResourceControlPolicies null).
    await expect
      .poll(() => page.locator('.explorer-flow-final').innerText(), { timeout: 30_000 })
      .toContain('Explicitly denied');
    const steps = await page
      .locator('.explorer-flow-step[data-outcome]')
      .evaluateAll((items) =>
        items.map((item) => [
          item.querySelector('strong')?.textContent,
          item.getAttribute('data-outcome'),
          item.getAttribute('data-decisive'),
        ]),
      );
    expect(steps).toEqual([
      ['Explicit deny', 'deny', 'true'],
      ['SCPs', 'deny', 'false'],
      ['RCPs', 'notApplicable', 'false'],
      ['Resource-based policy', 'notApplicable', 'false'],
      ['Identity-based policies', 'pass', 'false'],
      ['Permissions boundary', 'notApplicable', 'false'],
      ['Session policy', 'notApplicable', 'false'],
    ]);
    // And the deciding statement is marked in the SCP's text, as a deny
    const mark = page.locator('.explorer-decision mark.explorer-statement-deny');
    expect(await mark.innerText()).toContain('DenyOutsideEurope');
    expect(await page.locator('.explorer-decision figcaption').first().innerText()).toMatch(
      /scp policy p-\w+ — DenyOutsideEurope — statement at line \d+, column \d+/,
    );
    await screenshot('explorer-decision');
  });

  it('loads offline at / and /graphql with the scenario examples as tabs', async () => {
    for (const path of ['/', '/graphql']) {
      await openExplorer(path);
      const tabs = await page.locator('.graphiql-tab').allInnerTexts();
      expect(tabs.map((tab) => tab.trim())).toEqual([
        'AssumeRole',
        'AssumeRoleWithMfa',
        'CallerIdentity',
        'WhoCanAccess',
        'AssumeRolePaths',
        'Ping',
        'DeniedRead',
      ]);
      await expect.poll(() => page.locator('.explorer-scenario').innerText()).toContain('cross-account-auditor');
    }
  });

  it('has an offline guard that catches any request to another host', async () => {
    // The page's own CSP (connect-src 'self') already stops scripts from fetching elsewhere...
    await openExplorer();
    const fetched = await page.evaluate(() =>
      fetch('http://192.0.2.1/cdn/graphiql.js').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    // ...and the test's guard catches what a CSP would not, such as a navigation.
    await expect(page.goto('http://192.0.2.1/cdn/graphiql.html')).rejects.toThrow();
    expect(blocked).toEqual(['http://192.0.2.1/cdn/graphiql.html']);
    blocked.length = 0;
  });

  it('signs requests with the credentials panel, through the real authentication', async () => {
    // Given the explorer with a wrong secret for alice
    await openExplorer();
    await enterCredentials({ accessKeyId: alice.accessKeyId, secretAccessKey: 'wrong-secret' });
    // When she runs a query, the server rejects the credentials
    const rejected = await runTab('Ping', 'SignatureDoesNotMatch');
    expect(rejected.errors?.[0]?.extensions?.code).toBe('SignatureDoesNotMatch');
    // And with her real secret the same query goes through
    await enterCredentials(alice);
    expect(await runTab('Ping', '__typename')).toEqual({ data: { __typename: 'Query' } });
    // And the credentials survive a reload of the tab (sessionStorage)
    await page.reload();
    await expect.poll(() => page.inputValue('#explorer-accessKeyId')).toBe(alice.accessKeyId);
  });

  it('assumes a role across accounts, uses the session and shows the assumed-role ARN', async () => {
    // Given alice (security account) signed in with her access key
    await openExplorer();
    await enterCredentials(alice);

    // When she runs the example assumeRole into the dev account
    const assumed = await runTab('AssumeRole', 'assumedRoleUser');
    expect(assumed.errors).toBeUndefined();
    expect(assumed.data?.assumeRole.assumedRoleUser.arn).toBe(
      'arn:aws:sts::100000000003:assumed-role/SecurityAudit/alice',
    );
    const issued = assumed.data?.assumeRole.credentials;
    expect(issued.accessKeyId).toMatch(/^ASIA/);

    // And switches to the session with one click
    await page.getByRole('button', { name: `Use these credentials (${issued.accessKeyId})` }).click();
    expect(await page.inputValue('#explorer-accessKeyId')).toBe(issued.accessKeyId);
    expect(await page.inputValue('#explorer-secretAccessKey')).toBe(issued.secretAccessKey);
    expect(await page.inputValue('#explorer-sessionToken')).toBe(issued.sessionToken);

    // Then callerIdentity answers as the assumed role in the other account
    const identity = await runTab('CallerIdentity', 'assumed-role');
    expect(identity).toEqual({
      data: {
        callerIdentity: {
          userId: expect.stringMatching(/^AROA[A-Z0-9]+:alice$/),
          account: '100000000003',
          arn: 'arn:aws:sts::100000000003:assumed-role/SecurityAudit/alice',
        },
      },
    });
  });

  it('draws the scenario as a graph, highlights a who-can answer, and shows the statement behind an edge', async () => {
    // Given alice in the explorer's graph view
    await openExplorer();
    await enterCredentials(alice);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Graph' }).click();
    // When she draws the prod account
    await page.getByLabel('Account', { exact: true }).check();
    await page.fill('input[name="accountId"]', '100000000002');
    await page.getByRole('button', { name: 'Draw' }).click();
    // Then its principals, groups, resources and policies are drawn in their boxes
    await expect
      .poll(() => page.locator('.explorer-graph-counts').innerText(), { timeout: 30_000 })
      .toMatch(/^\d+ nodes · \d+ edges · 0 highlighted$/);
    await expect.poll(async () => (await graphState()).nodes.length).toBeGreaterThan(5);
    const drawn = await graphState();
    expect(drawn.nodes).toEqual(
      expect.arrayContaining([
        'account:100000000002',
        'arn:aws:iam::100000000002:role/SecurityAudit',
        'arn:aws:iam::100000000001:user/alice',
      ]),
    );
    expect(drawn.parents['arn:aws:iam::100000000002:role/SecurityAudit']).toBe('account:100000000002');
    expect(await paintedPixels('#1a7f37')).toBeGreaterThan(50);
    await screenshot('explorer-graph');
    // And focusing on alice keeps her, her neighbours and their boxes, dimming the rest
    await page.fill('input[name="focus"]', 'alice');
    await page.press('input[name="focus"]', 'Enter');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              globalThis as { __IAM_GRAPH__?: { elements(selector: string): { length: number } } }
            ).__IAM_GRAPH__?.elements('.unfocused').length ?? 0,
        ),
      )
      .toBeGreaterThan(0);
    const [dimmed, kept] = await page.evaluate(() => {
      const cy = (
        globalThis as { __IAM_GRAPH__?: { elements(selector: string): { map<T>(f: (e: { id(): string }) => T): T[] } } }
      ).__IAM_GRAPH__!;
      return [cy.elements('node.unfocused').map((e) => e.id()), cy.elements('node:not(.unfocused)').map((e) => e.id())];
    });
    expect(kept).toEqual(
      expect.arrayContaining([
        'arn:aws:iam::100000000001:user/alice',
        'arn:aws:iam::100000000002:role/SecurityAudit',
        'account:100000000002',
      ]),
    );
    expect(dimmed).toContain('arn:aws:s3:::auditor-prod-ledger');

    // When she asks who can read the ledger (prefilled from the scenario's tab)
    await page.getByLabel('Who can access').check();
    expect(await page.inputValue('input[name="resourceArn"]')).toBe('arn:aws:s3:::auditor-prod-ledger/2026/q1.csv');
    await page.getByRole('button', { name: 'Draw' }).click();
    // Then the answer is highlighted: alice, the role she assumes and the ledger, in the highlight colour
    await expect
      .poll(() => page.locator('.explorer-graph-counts').innerText(), { timeout: 30_000 })
      .toMatch(/[1-9]\d* highlighted$/);
    await expect.poll(async () => (await graphState()).highlighted.length).toBeGreaterThan(0);
    const answer = await graphState();
    expect(answer.highlighted).toEqual(
      expect.arrayContaining([
        'arn:aws:iam::100000000001:user/alice',
        'arn:aws:iam::100000000002:role/SecurityAudit',
        'arn:aws:s3:::auditor-prod-ledger/2026/q1.csv',
      ]),
    );
    expect(await paintedPixels('#e0115f')).toBeGreaterThan(100);
    await screenshot('explorer-graph-who-can');

    // When she clicks the highlighted assume-role edge
    const edge = answer.edges.find((candidate) =>
      candidate.id.startsWith('canAssume:arn:aws:iam::100000000001:user/alice->'),
    );
    expect(edge).toBeDefined();
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.click(box.x + edge!.x, box.y + edge!.y);
    // Then the panel shows its condition and the trust statement, marked in the policy text
    await expect.poll(() => page.locator('.explorer-graph-side h3').innerText()).toBe('can assume (MFA)');
    // (both sides made the hop: alice's group policy and the role's trust policy, each statement marked)
    const marked = await page.locator('.explorer-graph-side mark').allInnerTexts();
    expect(marked).toEqual([
      expect.stringContaining('AssumeAuditRoleEverywhere'),
      expect.stringContaining('TrustSecurityAccountWithMfa'),
    ]);
    await screenshot('explorer-graph-edge');
  });

  it('lays out an organization of about 300 nodes readably: principals in their accounts, no boxes overlapping', async () => {
    // Given the administrator of a ten-account organization in the graph view, on a big screen
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openExplorer();
    await enterCredentials(largeAdmin);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Graph' }).click();
    // When the whole organization is drawn
    await page.getByLabel('Organization', { exact: true }).check();
    await page.fill('input[name="organizationId"]', largeOrganizationId);
    await page.getByRole('button', { name: 'Draw' }).click();
    await expect
      .poll(() => page.locator('.explorer-graph-counts').innerText(), { timeout: 60_000 })
      .toMatch(/^\d+ nodes/);
    // Then, as Cytoscape drew it: every account holds its principals and buckets, and no two boxes overlap
    const drawn = await page.evaluate(() => {
      interface Box {
        x1: number;
        y1: number;
        x2: number;
        y2: number;
      }
      interface Node {
        id(): string;
        data(key: string): string | undefined;
        isParent(): boolean;
        boundingBox(options?: { includeLabels?: boolean }): Box;
      }
      const cy = (globalThis as { __IAM_GRAPH__?: { nodes(): Node[] } }).__IAM_GRAPH__!;
      return cy.nodes().map((node) => ({
        id: node.id(),
        type: node.data('type')!,
        parent: node.data('parent') ?? null,
        box: node.boundingBox({ includeLabels: false }),
      }));
    });
    const overlap = (a: (typeof drawn)[number]['box'], b: (typeof drawn)[number]['box']) =>
      a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const accounts = drawn.filter((node) => node.type === 'ACCOUNT');
    const principals = drawn.filter((node) => ['USER', 'GROUP', 'ROLE', 'RESOURCE'].includes(node.type));
    expect(accounts.map((node) => node.id).sort()).toEqual(largeAccountIds.map((id) => `account:${id}`));
    expect(drawn.length).toBeGreaterThanOrEqual(280);
    expect(principals.length).toBeGreaterThanOrEqual(260);
    const byId = new Map(drawn.map((node) => [node.id, node]));
    const strays = principals.filter((node) => {
      const account = byId.get(node.parent ?? '');
      return (
        account?.type !== 'ACCOUNT' ||
        !(
          node.box.x1 >= account.box.x1 &&
          node.box.x2 <= account.box.x2 &&
          node.box.y1 >= account.box.y1 &&
          node.box.y2 <= account.box.y2
        )
      );
    });
    expect(strays.map((node) => node.id)).toEqual([]);
    const crowded = [...accounts, ...principals].flatMap((a) =>
      [...accounts, ...principals]
        .filter((b) => a.id < b.id && a.parent === b.parent && overlap(a.box, b.box))
        .map((b) => [a.id, b.id]),
    );
    expect(crowded).toEqual([]);
    // And the drawing is about as wide as the screen, not a column or a ribbon
    const width = Math.max(...accounts.map((n) => n.box.x2)) - Math.min(...accounts.map((n) => n.box.x1));
    const height = Math.max(...accounts.map((n) => n.box.y2)) - Math.min(...accounts.map((n) => n.box.y1));
    expect(width / height).toBeGreaterThan(1 / 4);
    expect(width / height).toBeLessThan(4);
    expect(await paintedPixels('#1a7f37')).toBeGreaterThan(500);
    await screenshot('explorer-graph-large');
    // And focusing on one account zooms to it, its principals' labels legible
    await page.fill('input[name="focus"]', 'team-4');
    await page.press('input[name="focus"]', 'Enter');
    await expect
      .poll(() => page.evaluate(() => (globalThis as { __IAM_GRAPH__?: { zoom(): number } }).__IAM_GRAPH__!.zoom()))
      .toBeGreaterThan(0.8);
    await screenshot('explorer-graph-large-focus');
  });

  it('draws a path answered in GraphiQL as a graph, the hops highlighted', async () => {
    // Given alice ran the scenario's path tab
    await openExplorer();
    await enterCredentials(alice);
    const answered = await runTab('AssumeRolePaths', 'hops');
    expect(answered.errors).toBeUndefined();
    // When she draws the answer
    await page.getByRole('button', { name: 'draw this answer as a graph' }).click();
    // Then the graph view shows the hop from alice to the prod role, highlighted
    await expect
      .poll(async () => (await graphState()).highlighted, { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([
          'arn:aws:iam::100000000001:user/alice',
          'arn:aws:iam::100000000002:role/SecurityAudit',
        ]),
      );
    expect((await graphState()).edges.map((edge) => edge.id)).toEqual([
      'canAssume:arn:aws:iam::100000000001:user/alice->arn:aws:iam::100000000002:role/SecurityAudit',
    ]);
    expect(await paintedPixels('#e0115f')).toBeGreaterThan(100);
    await screenshot('explorer-graph-path');
  });

  it('follows the audit trail live: an API call made elsewhere appears in the feed', async () => {
    // Given tinkerer, an administrator of scp-guardrails' sandbox account (no region lock there: prod's SCP
    // would deny cloudtrail:LookupEvents outside Europe), following the live audit feed of the account
    await openExplorer();
    await enterCredentials(tinkerer);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Live' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.explorer-live .explorer-graph-counts').innerText()).toContain('following');
    // When tinkerer (from a terminal, not this page) reads a user that does not exist
    const call = (query: string) =>
      fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${tinkerer.accessKeyId}:${tinkerer.secretAccessKey}`).toString('base64')}`,
        },
        body: JSON.stringify({ query }),
      });
    // (until the stream is in place, an event may pass before the feed hears of it: call until one arrives)
    await expect
      .poll(
        async () => {
          await call('{ user(arn: "arn:aws:iam::150000000003:user/ghost") { arn } }');
          return page.locator('.explorer-live-table tbody tr', { hasText: 'iam:GetUser' }).count();
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBeGreaterThan(0);
    // Then the feed shows the audited GetUser decision, as it happened (the feed's own start, audited as
    // cloudtrail:LookupEvents like CloudTrail records its lookups, may arrive as a row of its own around it)
    expect(await page.locator('.explorer-live-table tbody tr', { hasText: 'iam:GetUser' }).first().innerText()).toMatch(
      /GetUser\s+ALLOW\s+arn:aws:iam::150000000003:user\/tinkerer\s+iam:GetUser/,
    );
    await screenshot('explorer-live');
  });
});

/** What the graph view drew, read from its Cytoscape instance: node ids, parents, highlights, edge midpoints. */
function graphState() {
  return page.evaluate(() => {
    interface Element {
      id(): string;
      hasClass(name: string): boolean;
      data(key: string): string | undefined;
      renderedMidpoint(): { x: number; y: number };
    }
    const cy = (globalThis as { __IAM_GRAPH__?: { nodes(): Element[]; edges(): Element[] } }).__IAM_GRAPH__;
    const nodes = cy?.nodes() ?? [];
    return {
      nodes: nodes.map((node) => node.id()),
      parents: Object.fromEntries(nodes.map((node) => [node.id(), node.data('parent') ?? null])),
      highlighted: nodes.filter((node) => node.hasClass('highlighted')).map((node) => node.id()),
      edges: (cy?.edges() ?? []).map((edge) => ({ id: edge.id(), ...edge.renderedMidpoint() })),
    };
  });
}

/** How many pixels of the graph's canvases are (nearly) the given colour: the drawing holds what it should. */
function paintedPixels(hex: string): Promise<number> {
  return page.evaluate((color) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    let count = 0;
    for (const canvas of Array.from(
      document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph-canvas"] canvas'),
    )) {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i]! - r!) < 24 &&
          Math.abs(data[i + 1]! - g!) < 24 &&
          Math.abs(data[i + 2]! - b!) < 24 &&
          data[i + 3]! > 200
        )
          count += 1;
      }
    }
    return count;
  }, hex);
}

/** Saves a screenshot of the page where SCREENSHOT_DIR says (the README's pictures come from here), else nowhere. */
async function screenshot(name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}
