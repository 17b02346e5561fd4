/**
 * The WebDAV server, through the `webdav` client (which runs on fetch, so in
 * an MV3 service worker, a Firefox background page and Node alike). This
 * layer adds what sync needs: ETags normalised, preconditions, a 412 as a
 * 'conflict', a count of requests, no HTTP cache, and a read-only mode that
 * cannot write at all (a teacher's shared folder).
 */
import { AuthType, createClient, getPatcher, type FileStat, type WebDAVClient } from 'webdav/web';
import { SyncError, toSyncError } from './errors';

export interface RemoteEntry {
  name: string;
  /** Path under the client's root, without a leading slash. */
  path: string;
  type: 'file' | 'directory';
  etag: string | null;
}

export interface RemoteOptions {
  url: string;
  username: string;
  password: string;
  readOnly?: boolean;
}

let patched = false;
/** Every request skips the browser's HTTP cache: a stale listing or file would look like "nothing changed". */
function noHttpCache(): void {
  if (patched) return;
  patched = true;
  getPatcher().patch('fetch', (...args: unknown[]) => fetch(args[0] as string, { ...(args[1] as RequestInit | undefined), cache: 'no-store' }));
}

/** `W/"abc"` and `"abc"` are the same version of a file to us (Apache weakens ETags for a second after a write). */
export function normaliseEtag(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw) return null;
  return raw.replace(/^W\//, '').replace(/^"|"$/g, '');
}

function etagOf(headers: unknown): string | null {
  if (!headers) return null;
  const h = headers as { get?: (k: string) => string | null; etag?: string };
  const raw = typeof h.get === 'function' ? h.get('etag') : h.etag;
  return normaliseEtag(raw);
}

export interface PutOptions {
  /** Write only if the file is still this version. */
  ifMatch?: string | null;
  /** Write only if the file does not exist yet. */
  ifNoneMatch?: boolean;
}

export class Remote {
  readonly readOnly: boolean;
  readonly url: string;
  /** Requests made, by method: the bench and the tests read it. */
  readonly counts: Record<string, number> = {};
  private client: WebDAVClient;

  constructor(options: RemoteOptions) {
    noHttpCache();
    this.readOnly = !!options.readOnly;
    this.url = options.url;
    this.client = createClient(options.url, { username: options.username, password: options.password, authType: AuthType.Password });
  }

  get requests(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  private count(method: string): void {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
  }

  private writable(): void {
    if (this.readOnly) throw new SyncError('forbidden', 'read-only source');
  }

  /** A folder's entries, or null when there is no such folder. */
  async list(dir: string): Promise<RemoteEntry[] | null> {
    this.count('PROPFIND');
    try {
      const res = (await this.client.getDirectoryContents(`/${dir}`, { details: true })) as { data: FileStat[] };
      const prefix = dir.replace(/\/?$/, '/');
      return res.data.map((s) => ({
        name: s.basename,
        path: prefix + s.basename,
        type: s.type,
        etag: normaliseEtag((s.props as { getetag?: unknown } | undefined)?.getetag ?? s.etag),
      }));
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw toSyncError(err);
    }
  }

  /** A file's text and ETag, or null when it does not exist. */
  async get(path: string): Promise<{ text: string; etag: string | null } | null> {
    this.count('GET');
    try {
      const res = (await this.client.getFileContents(`/${path}`, { format: 'text', details: true })) as { data: string; headers: Record<string, string> };
      return { text: res.data, etag: etagOf(res.headers) };
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw toSyncError(err);
    }
  }

  /** Writes a file; a failed precondition is a 'conflict', a missing folder 'not-found'. Returns the new ETag when the server says it. */
  async put(path: string, text: string, options: PutOptions = {}): Promise<{ etag: string | null }> {
    this.writable();
    this.count('PUT');
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (options.ifMatch) headers['If-Match'] = `"${options.ifMatch}"`;
    if (options.ifNoneMatch) headers['If-None-Match'] = '*';
    try {
      const res = await this.client.customRequest(`/${path}`, { method: 'PUT', headers, data: text });
      return { etag: etagOf(res.headers) };
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 412) throw new SyncError('conflict', path);
      if (status === 409 || status === 404) throw new SyncError('not-found', path);
      throw toSyncError(err);
    }
  }

  /** Creates a folder; one that exists already is fine. */
  async mkdir(path: string): Promise<void> {
    this.writable();
    this.count('MKCOL');
    try {
      await this.client.customRequest(`/${path}`, { method: 'MKCOL' });
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 405) return; // exists
      if (status === 409) throw new SyncError('not-found', path);
      throw toSyncError(err);
    }
  }

  async remove(path: string): Promise<void> {
    this.writable();
    this.count('DELETE');
    try {
      await this.client.deleteFile(`/${path}`);
    } catch (err) {
      if ((err as { status?: number }).status === 404) return;
      throw toSyncError(err);
    }
  }
}
