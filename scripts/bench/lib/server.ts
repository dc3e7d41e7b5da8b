/**
 * A static server for a built site, mounted under a sub-path (default /jiangxi/) on 127.0.0.1 with a free port,
 * so tests and benchmarks see the app exactly as a static host would serve it from a sub-directory.
 * Anything outside the sub-path is a 404: an asset URL that is not relative shows up as a failed request.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** e.g. http://127.0.0.1:41234/jiangxi/ (the site's index) */
  url: string;
  /** Paths requested that were not found (404), for diagnostics. */
  notFound: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Sub-path the site is mounted at; must start and end with '/'. */
  base?: string;
  /** Serve precompressed `.gz` siblings when the client accepts gzip (what a real static host does). */
  gzip?: boolean;
}

export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/jiangxi/';
  if (!existsSync(dir)) throw new Error(`startStaticServer: ${dir} does not exist`);
  const notFound: string[] = [];
  const send404 = (req: IncomingMessage, res: ServerResponse) => {
    notFound.push(req.url ?? '');
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  // dev: false caches the file list, so files written after start are not seen; fine for a built site.
  const serve = sirv(dir, { dev: false, etag: true, gzip: options.gzip ?? false, onNoMatch: send404 });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === base.slice(0, -1) || url.startsWith(`${base.slice(0, -1)}?`)) {
      res.statusCode = 301;
      res.setHeader('location', base + url.slice(base.length - 1));
      res.end();
      return;
    }
    if (!url.startsWith(base)) {
      send404(req, res);
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    serve(req, res, () => send404(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
