import type { Database } from '../../src/db/openDatabase.js';
import { OPERATION_NAMES, prepareOperations, type OperationName } from './benchOperations.js';
import { startBenchPlayground } from './startBenchPlayground.js';

/** SQL statements one signed request of each operation issued: the first (cold caches) and the steady state. */
export type StatementCounts = Record<OperationName, { first: number; steady: number }>;

/**
 * Counts the SQL statements each benchmark operation issues through the real server and authenticator on
 * `openDatabase`'s database (which must call `onQuery` for every statement): one request with cold caches,
 * then the mean of three more.
 */
export async function countRequestStatements(
  openDatabase: (onQuery: (sql: string) => void) => Promise<Database>,
): Promise<StatementCounts> {
  let count = 0;
  const database = await openDatabase(() => void count++);
  const playground = await startBenchPlayground(database);
  try {
    const operations = await prepareOperations(playground.url, playground.alice);
    const send = async (name: OperationName) => {
      count = 0;
      const request = operations[name];
      const response = await fetch(`${playground.url}/graphql`, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"'))
        throw new Error(`${name} failed: ${text.slice(0, 300)}`);
      return count;
    };
    const counts = {} as StatementCounts;
    for (const name of OPERATION_NAMES) {
      const first = await send(name);
      let total = 0;
      for (let i = 0; i < 3; i++) total += await send(name);
      counts[name] = { first, steady: Math.round((total / 3) * 10) / 10 };
    }
    return counts;
  } finally {
    await playground.close();
    await database.close();
  }
}
