import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One entry of the server's route table. The server offers each request to its routes in order before
 * GraphQL; a route answers the requests it owns and resolves true, or sends nothing and resolves false.
 * (The explorer's `createExplorerRoutes()` is one.)
 */
export interface Route {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> | boolean;
}
