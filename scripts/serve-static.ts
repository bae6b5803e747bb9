import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from '@polka/compression';
import { lookup } from 'mrmime';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  port: number;
  /** Stops listening and drops open connections: afterwards the site is really unreachable. */
  close(): Promise<void>;
}

/** Hashed file names never change content, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves a built site the way GitHub Pages does: folders are pages and `/x` redirects to `/x/`,
 * 404.html (status 404) for anything else, gzip (no brotli) for text, long caching for the hashed
 * files in /_astro/. Files come from sirv, compression from @polka/compression. Used by the
 * benchmarks and by the offline tests, which shut it down for an outage and start it again on the
 * same port with a newer build. Port 0 picks a free one.
 */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const site = path.resolve(root);
  const notFound = readFileSync(path.join(site, '404.html'));
  const gzip = compression();
  const files = sirv(site, {
    etag: true,
    setHeaders(response, pathname) {
      response.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? IMMUTABLE : 'no-cache');
      // sirv sends no type for extensions it does not know (Pagefind's index and fragments, which
      // are gzipped already); a host sends them as bytes, and the compressor leaves bytes alone.
      if (path.extname(pathname) && !lookup(pathname)) response.setHeader('Content-Type', 'application/octet-stream');
    },
  });

  const server = createServer((request, response) => {
    gzip(request, response, () => {
      const { pathname, search } = new URL(request.url ?? '/', 'http://host');
      if (!pathname.endsWith('/') && isFolder(site, pathname)) {
        response.writeHead(301, { Location: `${pathname}/${search}` }).end();
        return;
      }
      files(request, response, () => {
        response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(notFound);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether the address names a folder of the site (never one outside it). */
function isFolder(site: string, pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const target = path.join(site, path.normalize(decoded));
  if (target !== site && !target.startsWith(site + path.sep)) return false;
  return statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
