import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../src/http/readBody.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Sends raw HTTP/1.1 on one keep-alive connection and collects what comes back until it closes. */
function exchange(port: number, requests: Buffer[]): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => resolve({ text, closedByServer: true }));
    socket.on('connect', () => {
      for (const request of requests) socket.write(request);
    });
  });
}

describe('a body over the limit', () => {
  it('answers 413 and closes the connection, so the next request is not stuck behind unread bytes', async () => {
    const port = Number(new URL(server.url).port);
    const size = maxBodyBytes + 64 * 1024;
    const oversized = Buffer.concat([
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      ),
      Buffer.alloc(size, 0x20),
    ]);
    const next = Buffer.from('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');

    const { text, closedByServer } = await exchange(port, [oversized, next]);

    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(text).toContain('PAYLOAD_TOO_LARGE');
    // The server closed the connection right after the 413 instead of reading the pipelined request.
    expect(closedByServer).toBe(true);
    expect(text.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const port = Number(new URL(server.url).port);
    const head = Buffer.from(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${maxBodyBytes * 100}\r\n\r\n`,
    );
    const { text } = await exchange(port, [head]);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
  });
});
