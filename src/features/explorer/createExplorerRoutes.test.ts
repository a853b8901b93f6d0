import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorerRoutes } from './createExplorerRoutes.js';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let bundleDir: string;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // Given a small fake bundle and a server that falls through to a 418 "GraphQL" for everything else
  bundleDir = await mkdtemp(join(tmpdir(), 'explorer-bundle-'));
  await mkdir(join(bundleDir, 'chunks'));
  await writeFile(join(bundleDir, 'explorer.js'), 'console.log("explorer")');
  await writeFile(join(bundleDir, 'chunks', 'monaco-ABC.js'), 'export {}');
  await writeFile(join(bundleDir, 'secret.txt'), 'not an asset');
  const routes = createExplorerRoutes({ bundleDir, examples: [{ title: 'Only example', query: '{ a }' }] });
  server = createServer((req, res) => {
    void routes.handle(req, res).then((handled) => {
      if (!handled) {
        res.statusCode = 418;
        res.end('graphql');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(bundleDir, { recursive: true, force: true });
});

describe('createExplorerRoutes', () => {
  it('serves the page at / and /graphql to browsers, with a same-origin CSP', async () => {
    for (const path of ['/', '/graphql', '/graphql?query=%7Ba%7D']) {
      const response = await fetch(baseUrl + path, { headers: { accept: browserAccept } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('vary')).toBe('Accept');
      expect(await response.text()).toContain('Only example');
    }
  });

  it('leaves GraphQL requests and other paths to the server', async () => {
    const graphql = await fetch(`${baseUrl}/graphql?query=%7Ba%7D`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(graphql.status).toBe(418);
    const post = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { accept: browserAccept }, body: '{}' });
    expect(post.status).toBe(418);
    const other = await fetch(`${baseUrl}/health`, { headers: { accept: browserAccept } });
    expect(other.status).toBe(418);
  });

  it('serves bundle files with their type and caching, and revalidates with an ETag', async () => {
    const entry = await fetch(`${baseUrl}/explorer/explorer.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect(await entry.text()).toBe('console.log("explorer")');
    const etag = entry.headers.get('etag') ?? '';
    const again = await fetch(`${baseUrl}/explorer/explorer.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const chunk = await fetch(`${baseUrl}/explorer/chunks/monaco-ABC.js`);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const head = await fetch(`${baseUrl}/explorer/explorer.js`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String('console.log("explorer")'.length));
  });

  it('serves nothing outside the bundle or of an unknown type', async () => {
    for (const path of [
      '/explorer/secret.txt',
      '/explorer/missing.js',
      '/explorer/%2e%2e/package.json',
      '/explorer/..%2fsecret.js',
      '/explorer/%E0%A4%A.js',
    ]) {
      expect((await fetch(baseUrl + path)).status).toBe(418);
    }
  });

  it('explains how to build the bundle when it is missing', async () => {
    const routes = createExplorerRoutes({ bundleDir: join(bundleDir, 'nowhere') });
    const missing = createServer((req, res) => void routes.handle(req, res));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(missing.address() as AddressInfo).port}/`, {
        headers: { accept: 'text/html' },
      });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run generate');
    } finally {
      await new Promise((resolve) => missing.close(resolve));
    }
  });
});
