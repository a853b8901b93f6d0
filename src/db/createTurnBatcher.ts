/** Writes rows through a database client; resolves once they are committed. */
export type WriteRows<Client extends object, Row> = (client: Client, rows: readonly Row[]) => Promise<void>;

interface Part<Row> {
  rows: readonly Row[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Batches writes across concurrent requests: every call made during one turn of the event loop is written in one
 * `write` (sent when the loop next checks, after the I/O it is serving), per client; each call's promise settles
 * when that write has committed, so a caller that awaits it still answers only once its rows are stored. One
 * statement (and one commit) then serves every request answering in that turn instead of one each. When the
 * shared write fails, each call's rows are written alone, so a call fails only for a reason of its own.
 */
export function createTurnBatcher<Client extends object, Row>(
  write: WriteRows<Client, Row>,
): (client: Client, rows: readonly Row[]) => Promise<void> {
  const pending = new WeakMap<Client, Part<Row>[]>();
  const flush = async (client: Client, parts: Part<Row>[]) => {
    try {
      await write(
        client,
        parts.flatMap((part) => part.rows),
      );
      for (const part of parts) part.resolve();
    } catch (error) {
      if (parts.length === 1) return parts[0]!.reject(error);
      await Promise.all(parts.map((part) => write(client, part.rows).then(part.resolve, part.reject)));
    }
  };
  return (client, rows) => {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let parts = pending.get(client);
      if (parts === undefined) {
        const created: Part<Row>[] = [];
        parts = created;
        pending.set(client, created);
        setImmediate(() => {
          pending.delete(client);
          void flush(client, created);
        });
      }
      parts.push({ rows, resolve, reject });
    });
  };
}
