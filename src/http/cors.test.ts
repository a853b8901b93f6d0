import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCors } from './cors.js';

let server: Server;
let url: string;

beforeAll(async () => {
  // A server whose every route answers 200 after CORS has had its say.
  const cors = createCors(['https://app.example.com', 'http://localhost:5173']);
  server = createServer((req, res) => {
    if (cors.handle(req, res)) return;
    res.end('route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const preflight = (origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('createCors', () => {
  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight('https://app.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-amz-security-token');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('refuses a preflight from an origin not on the list', async () => {
    const response = await preflight('https://evil.example.com');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).toContain('CORS_ORIGINS');
  });

  it('labels actual requests from allowed origins only, and lets every request through to its route', async () => {
    const allowed = await fetch(url, { method: 'POST', headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(await allowed.text()).toBe('route');
    const other = await fetch(url, { method: 'POST', headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(await other.text()).toBe('route');
    const sameOrigin = await fetch(url);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect(sameOrigin.headers.get('vary')).toBe('Origin');
  });

  it('passes a plain OPTIONS (not a preflight) to the route', async () => {
    const response = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://app.example.com' } });
    expect(await response.text()).toBe('route');
  });

  it('lets any origin in with *', async () => {
    const cors = createCors(['*']);
    const any = createServer((req, res) => void (cors.handle(req, res) || res.end('route')));
    await new Promise<void>((resolve) => any.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(any.address() as AddressInfo).port}/`, {
        method: 'OPTIONS',
        headers: { origin: 'https://anywhere.test', 'access-control-request-method': 'GET' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.test');
    } finally {
      await new Promise((resolve) => any.close(resolve));
    }
  });
});
