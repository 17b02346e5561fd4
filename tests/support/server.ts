/**
 * Local stand-in for the real sites: serves each seed page at its real URL
 * path, routed on the Host header, so a browser started with
 * --host-resolver-rules=hostResolverRules(port) loads
 * http://www.huli.gov.cn/… from this process and the content script's match
 * patterns apply exactly as on the live site.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPages, PAGES_DIR, type PageEntry } from './pages';

export type { PageEntry } from './pages';

export interface SeedServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  pages: PageEntry[];
  /** Every URL asked of this server, in order (as a proxy too): a record of what the browser fetched. */
  requests: string[];
  /** Serves extra HTML at a URL (host + path) for the rest of the run, e.g. a page framing a seed. */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

/** "www.huli.gov.cn:80" and "WWW.HULI.GOV.CN" both route to the same host. */
function hostOf(header: string | undefined): string {
  return (header ?? '').replace(/:\d+$/, '').toLowerCase();
}

export async function startSeedServer(): Promise<SeedServer> {
  const pages = loadPages();
  const routes = new Map<string, Buffer>();
  const requests: string[] = [];
  for (const p of pages) routes.set(`${p.host.toLowerCase()}${p.path}`, readFileSync(join(PAGES_DIR, p.file)));

  const server = createServer((req, res) => {
    // A proxy request (Firefox, see tests/browser/firefox/harness.ts) names the whole URL.
    const target = req.url?.startsWith('http://') ? new URL(req.url) : null;
    const key = target ? target.hostname.toLowerCase() + target.pathname + target.search : hostOf(req.headers.host) + (req.url ?? '/');
    requests.push(target ? target.href : `http://${hostOf(req.headers.host)}${req.url ?? '/'}`);
    const body = req.method === 'GET' || req.method === 'HEAD' ? routes.get(key) : undefined;
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    pages,
    requests,
    serve(url: string, html: string) {
      const u = new URL(url);
      routes.set(`${u.host.toLowerCase()}${u.pathname}${u.search}`, Buffer.from(html, 'utf8'));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Distinct hosts of the seed pages. */
export function seedHosts(pages: PageEntry[] = loadPages()): string[] {
  return [...new Set(pages.map((p) => p.host))];
}

/**
 * Value for Chromium's --host-resolver-rules: every seed host maps to the
 * local server, and everything else fails to resolve, so a test can never
 * reach the real network by accident.
 */
export function hostResolverRules(port: number, pages: PageEntry[] = loadPages()): string {
  const maps = seedHosts(pages).map((h) => `MAP ${h} 127.0.0.1:${port}`);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
}
