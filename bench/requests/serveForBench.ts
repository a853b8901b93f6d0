/**
 * The server side of the request benchmark, run as a child process so that the load generator and the servers
 * do not share one event loop: a fresh database (Postgres when DATABASE_URL is set, else embedded PGlite), the
 * playground with the real authenticator, and an empty Apollo Server, both on loopback ports. The playground logs
 * at `info` to stdout, a pipe the parent drains, as in production (`BENCH_SYNC_LOGS=1` makes those writes
 * synchronous, to compare). Writes one JSON line with the URLs and alice's key to fd 3, then serves until its
 * stdin closes.
 */
import { createWriteStream } from 'node:fs';
import { pino } from 'pino';
import { createLogger } from '../../src/logger.js';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createTestDatabase } from '../../test/support/createTestDatabase.js';
import { startBenchPlayground } from './startBenchPlayground.js';

const database = await createTestDatabase({ poolSize: 10 });
const logger = createLogger(
  'info',
  process.env.BENCH_SYNC_LOGS === '1' ? pino.destination({ dest: 1, sync: true }) : undefined,
);
const playground = await startBenchPlayground(database, logger);
const empty = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'hello' } },
});
const { url: emptyUrl } = await startStandaloneServer(empty, { listen: { port: 0, host: '127.0.0.1' } });

createWriteStream('', { fd: 3 }).end(
  `${JSON.stringify({ playgroundUrl: playground.url, emptyUrl: emptyUrl.replace(/\/$/, ''), alice: playground.alice, storage: database.kind })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => {
  void (async () => {
    await playground.close();
    await empty.stop();
    await database.close();
    process.exit(0);
  })();
});
