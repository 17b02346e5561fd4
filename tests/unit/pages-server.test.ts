import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostResolverRules, startSeedServer, type SeedServer } from '../support/server';
import { PAGES_DIR } from '../support/pages';

/** GET with an explicit Host header, as Chromium sends it through --host-resolver-rules. */
function get(port: number, host: string, path: string, method = 'GET') {
  return new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('seed server', () => {
  let srv: SeedServer;
  beforeAll(async () => {
    srv = await startSeedServer();
  });
  afterAll(async () => {
    await srv.close();
  });

  it('listens on an ephemeral port on 127.0.0.1', () => {
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.origin).toBe(`http://127.0.0.1:${srv.port}`);
  });

  it('serves every page at its path for its host, as UTF-8 HTML', async () => {
    for (const p of srv.pages) {
      const r = await get(srv.port, p.host, p.path);
      expect(r.status, p.url).toBe(200);
      expect(r.type).toBe('text/html; charset=utf-8');
      expect(r.body.equals(readFileSync(join(PAGES_DIR, p.file)))).toBe(true);
    }
  });

  it('accepts a Host header with a port', async () => {
    const p = srv.pages[0];
    expect((await get(srv.port, `${p.host}:80`, p.path)).status).toBe(200);
  });

  it('answers 404 for a known path on the wrong host, an unknown path, or no host', async () => {
    const [a, b] = srv.pages.filter((p) => p.host !== srv.pages[0].host);
    expect((await get(srv.port, srv.pages[0].host, a.path)).status).toBe(404);
    expect((await get(srv.port, b.host, '/nope.html')).status).toBe(404);
    expect((await get(srv.port, '127.0.0.1', srv.pages[0].path)).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const p = srv.pages[0];
    const r = await get(srv.port, p.host, p.path, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
  });

  it('builds host resolver rules that map every seed host to the server and nothing else out', () => {
    const rules = hostResolverRules(srv.port).split(', ');
    for (const host of new Set(srv.pages.map((p) => p.host))) expect(rules).toContain(`MAP ${host} 127.0.0.1:${srv.port}`);
    expect(rules).toContain('MAP * ~NOTFOUND');
    expect(rules.indexOf('MAP * ~NOTFOUND')).toBeGreaterThan(rules.findIndex((r) => r.startsWith('MAP www.')));
  });
});
