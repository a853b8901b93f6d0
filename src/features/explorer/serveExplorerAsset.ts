import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/**
 * Answers a GET/HEAD for one file of the explorer bundle under `bundleDir`, or returns false (nothing sent)
 * when `relativePath` names no such file — including any path that would leave the directory. Hashed files
 * (under chunks/ and assets/) never change and are cached for a year; the entry files are revalidated.
 */
export async function serveExplorerAsset(
  bundleDir: string,
  relativePath: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const contentType = contentTypes[extname(relativePath)];
  if (!contentType || relativePath.includes('\0')) return false;
  const root = resolve(bundleDir);
  const file = resolve(root, relativePath);
  if (!file.startsWith(root + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;

  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const immutable = relativePath.startsWith('chunks/') || relativePath.startsWith('assets/');
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('ETag', etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Length', info.size);
  res.statusCode = 200;
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolveDone, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('finish', resolveDone);
    res.on('close', resolveDone);
    stream.pipe(res);
  });
  return true;
}
