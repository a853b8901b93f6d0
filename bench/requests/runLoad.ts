import http from 'node:http';
import type { PreparedRequest } from './signRequest.js';

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function send(agent: http.Agent, url: URL, request: PreparedRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(res.statusCode === 200 && !text.includes('"errors"'));
        });
      },
    );
    req.on('error', () => resolve(false));
    req.end(request.body);
  });
}

/**
 * A closed-loop load: `clients` concurrent clients on keep-alive loopback connections, each sending its next
 * request as soon as the previous one answers, for `warmupMs` (not counted) then `durationMs`. Client `i`
 * sends `requests[i % requests.length]`, so a mix assigns operations to clients round-robin. A response that
 * is not a 200 without `errors` counts as an error (the benchmark then reports it rather than a fast failure).
 */
export async function runLoad(
  baseUrl: string,
  requests: readonly PreparedRequest[],
  clients: number,
  durationMs: number,
  warmupMs = 500,
): Promise<LoadResult> {
  const url = new URL(`${baseUrl}/graphql`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + durationMs;
  const client = async (i: number) => {
    const request = requests[i % requests.length]!;
    while (performance.now() < stopAt) {
      const sent = performance.now();
      const ok = await send(agent, url, request);
      const done = performance.now();
      if (sent >= measureFrom && done <= stopAt) {
        latencies.push(done - sent);
        if (!ok) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / (durationMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
