import type { IncomingMessage } from 'node:http';

/** The largest request body the server reads: GraphQL documents are small, policies at most a few KB. */
export const maxBodyBytes = 1024 * 1024;

/** A request whose body is larger than {@link maxBodyBytes}. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a request body whole (SigV4 signs the exact bytes, so they are kept raw). */
export async function readBody(req: IncomingMessage, limit: number = maxBodyBytes): Promise<Buffer> {
  // A declared length over the limit is refused before a byte of the body is read.
  if (Number(req.headers['content-length'] ?? 0) > limit)
    throw new BodyTooLargeError(`request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`request body exceeds ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
