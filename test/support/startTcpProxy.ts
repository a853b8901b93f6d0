import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a database, which a test can take down and bring back like a server restart. */
export interface TcpProxy {
  /** The port it listens on (the same after `start()`). */
  port: number;
  /** Cuts every open connection and stops accepting new ones, as a stopped server would. */
  stop(): Promise<void>;
  /** Accepts connections again on the same port. */
  start(): Promise<void>;
  /** How many client connections it has accepted so far. */
  accepted(): number;
}

/** Starts a proxy on 127.0.0.1 and a free port that forwards every connection to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      accepted += 1;
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server!.address() as { port: number }).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    async stop() {
      const closing = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    },
    start: listen,
    accepted: () => accepted,
  };
}
