/**
 * Real WebDAV servers from Debian, started by the tests themselves on free
 * loopback ports, each on its own temporary folder:
 *
 * - Apache 2 with mod_dav_fs and a private config (Basic auth; honours
 *   If-Match and If-None-Match; gives folders ETags; logs every request);
 * - `rclone serve webdav` (ignores If-Match and If-None-Match, gives folders
 *   no ETag).
 *
 * `.ci/run` installs apache2 and rclone when missing. Each server can be
 * stopped and started again on the same port and folder (a server going away
 * in the middle of a sync).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export type DavKind = 'apache' | 'rclone';

export interface DavServer {
  kind: DavKind;
  /** Base URL of the WebDAV root, with a trailing slash. */
  url: string;
  port: number;
  username: string;
  password: string;
  /** The folder on disk the server serves. */
  dir: string;
  /** Methods and paths the server was asked for (Apache: from its access log; rclone: not available). */
  requests(): Array<{ method: string; path: string; status: number }>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const APACHE = '/usr/sbin/apache2';
export const RCLONE = '/usr/bin/rclone';
const MODULES = '/usr/lib/apache2/modules';

export function davAvailable(kind: DavKind): boolean {
  return existsSync(kind === 'apache' ? APACHE : RCLONE);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not ${up ? 'open' : 'close'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess | null, port: number): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => void waitForPort(port, false).then(resolve, resolve));
    child.kill('SIGTERM');
  });
}

function apacheConfig(root: string, dataDir: string, port: number): string {
  const asRoot = process.getuid?.() === 0;
  return `ServerRoot ${root}
ServerName 127.0.0.1
PidFile ${root}/httpd.pid
Listen 127.0.0.1:${port}
${['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'dav', 'dav_fs']
  .map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`)
  .join('\n')}
${asRoot ? 'User nobody\nGroup nogroup' : ''}
ErrorLog ${root}/error.log
LogFormat "%m %U %>s" govlens
CustomLog ${root}/access.log govlens
DavLockDB ${root}/lock/davlock
DocumentRoot ${dataDir}
<Directory ${dataDir}>
  Dav On
  AuthType Basic
  AuthName "GovLens test"
  AuthUserFile ${root}/htpasswd
  Require valid-user
</Directory>
`;
}

export async function startDav(kind: DavKind, opts: { username?: string; password?: string } = {}): Promise<DavServer> {
  const username = opts.username ?? 'reader';
  const password = opts.password ?? 'app-password-' + Math.random().toString(36).slice(2);
  const root = mkdtempSync(join(tmpdir(), `govlens-${kind}-`));
  const dir = join(root, 'data');
  mkdirSync(dir);
  // Apache's workers run as nobody when the tests run as root (CI).
  chmodSync(root, 0o755);
  chmodSync(dir, 0o777);
  mkdirSync(join(root, 'lock'), { mode: 0o777 });
  chmodSync(join(root, 'lock'), 0o777);
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';

  if (kind === 'apache') {
    const sha = createHash('sha1').update(password).digest('base64');
    writeFileSync(join(root, 'htpasswd'), `${username}:{SHA}${sha}\n`);
    writeFileSync(join(root, 'httpd.conf'), apacheConfig(root, dir, port));
  }

  const start = async () => {
    if (kind === 'apache') {
      child = spawn(APACHE, ['-f', join(root, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } else {
      child = spawn(RCLONE, ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', username, '--pass', password], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, RCLONE_CONFIG: join(root, 'rclone.conf') },
      });
    }
    child.stderr?.on('data', (d) => (log += String(d)));
    // A test run that dies must not leave a server behind.
    const running = child;
    const reap = () => running.kill('SIGTERM');
    process.once('exit', reap);
    running.once('exit', () => process.off('exit', reap));
    child.once('exit', (code) => {
      if (code && code !== 0 && code !== 143) log += `\n[exited ${code}]`;
    });
    try {
      await waitForPort(port, true);
    } catch (err) {
      throw new Error(`${kind} did not start: ${log}${kind === 'apache' && existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : ''}`, { cause: err });
    }
  };
  await start();

  return {
    kind,
    url: `http://127.0.0.1:${port}/`,
    port,
    username,
    password,
    dir,
    requests() {
      const file = join(root, 'access.log');
      if (kind !== 'apache' || !existsSync(file)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [method, path, status] = line.split(' ');
          return { method, path: decodeURIComponent(path), status: Number(status) };
        });
    },
    stop: () => stopChild(child, port),
    start,
    async close() {
      await stopChild(child, port);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every file under a folder with its size and modification time (to prove nothing was written). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${st.size}:${st.mtimeMs}`;
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Every file's text under a folder. */
export function allFiles(dir: string): Array<{ path: string; text: string }> {
  return Object.keys(snapshot(dir)).map((p) => ({ path: p, text: readFileSync(join(dir, p), 'utf8') }));
}
