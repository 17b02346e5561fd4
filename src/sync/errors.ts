/**
 * What can go wrong in a sync, as codes the UI turns into a sentence in the
 * reader's language (`sync.error.<code>` in src/locales).
 */
export type SyncErrorCode =
  | 'auth' // 401: wrong user name or app password
  | 'forbidden' // 403
  | 'not-found' // the server URL has no WebDAV folder there
  | 'offline' // no answer at all (network, DNS, server down)
  | 'server' // 5xx
  | 'quota' // 507: the server is full
  | 'insecure' // http:// to a host that is not this machine
  | 'bad-url'
  | 'permission' // the browser's permission for the server's origin is missing
  | 'passphrase' // a file does not decrypt with this passphrase
  | 'needs-passphrase' // the folder is encrypted and no passphrase was given
  | 'not-encrypted' // the folder holds plain files and the reader asked for encryption (or the reverse)
  | 'corrupt' // a file that is not one of ours
  | 'newer-format' // written by a newer GovLens
  | 'conflict' // a write kept failing on a precondition
  | 'unknown';

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly detail?: string;
  constructor(code: SyncErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SyncError';
    this.code = code;
    this.detail = detail;
  }
}

/** Any thrown value as a SyncError (the webdav client's errors carry an HTTP status). */
export function toSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  const status = (err as { status?: unknown; response?: { status?: unknown } } | null)?.status ?? (err as { response?: { status?: unknown } } | null)?.response?.status;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof status === 'number') {
    if (status === 401) return new SyncError('auth', message);
    if (status === 403) return new SyncError('forbidden', message);
    if (status === 404 || status === 405) return new SyncError('not-found', message);
    if (status === 412) return new SyncError('conflict', message);
    if (status === 507) return new SyncError('quota', message);
    if (status >= 500) return new SyncError('server', message);
  }
  if (err instanceof TypeError || /fetch|network|ECONNREFUSED|ECONNRESET|socket/i.test(message)) return new SyncError('offline', message);
  return new SyncError('unknown', message);
}
