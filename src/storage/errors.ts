/**
 * One error type for everything the storage layer throws, so the UI can show a useful
 * message without knowing Dexie's or IndexedDB's error zoo. Dexie wraps DOMExceptions
 * (e.g. AbortError with `inner` = QuotaExceededError, BulkError with `failures`), so the
 * whole chain is inspected.
 */

export type StorageErrorCode = 'quota' | 'closed' | 'blocked' | 'invalid' | 'unknown';

const MESSAGES: Record<StorageErrorCode, string> = {
  quota:
    'The browser has no more storage space for GovLens. Nothing was saved. Free disk space, or export a backup and delete old notes, then try again.',
  closed:
    'The GovLens database was closed (the extension was probably updated or reloaded). Reload this page and try again.',
  blocked:
    'The GovLens database is being upgraded but another GovLens tab or window still has the old version open. Close or reload other GovLens pages and try again.',
  invalid: 'The data could not be saved because it is not valid.',
  unknown: 'GovLens could not read or write its database.',
};

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly cause?: unknown;
  constructor(code: StorageErrorCode, message: string = MESSAGES[code], cause?: unknown) {
    super(message);
    this.name = 'StorageError';
    this.code = code;
    this.cause = cause;
  }
}

const BY_NAME: Record<string, StorageErrorCode> = {
  QuotaExceededError: 'quota',
  DatabaseClosedError: 'closed',
  InvalidStateError: 'closed',
  BlockedError: 'blocked',
  VersionError: 'blocked',
  VersionChangeError: 'blocked',
  UpgradeError: 'blocked',
  ConstraintError: 'invalid',
  DataError: 'invalid',
  DataCloneError: 'invalid',
  InvalidArgumentError: 'invalid',
  SchemaError: 'invalid',
};

/** Priority when several causes are found (a quota failure explains the abort, not vice versa). */
const PRIORITY: StorageErrorCode[] = ['quota', 'blocked', 'closed', 'invalid'];

function collectNames(err: unknown, out: string[], depth = 0): void {
  if (!err || typeof err !== 'object' || depth > 6) return;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; message?: unknown };
  if (typeof e.name === 'string') out.push(e.name);
  // Some engines report quota exhaustion only in the message (e.g. Firefox's older builds).
  if (typeof e.message === 'string' && /quota/i.test(e.message)) out.push('QuotaExceededError');
  collectNames(e.inner, out, depth + 1);
  collectNames(e.cause, out, depth + 1);
  const failures = e.failures;
  if (Array.isArray(failures)) failures.forEach((f) => collectNames(f, out, depth + 1));
  else if (failures && typeof failures === 'object') Object.values(failures).forEach((f) => collectNames(f, out, depth + 1));
}

/** Classify any error thrown by Dexie/IndexedDB (or our own validation) as a StorageError. */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const names: string[] = [];
  collectNames(err, names);
  const codes = new Set(names.map((n) => BY_NAME[n]).filter(Boolean));
  const code = PRIORITY.find((c) => codes.has(c)) ?? 'unknown';
  const detail = err instanceof Error ? err.message : String(err);
  const message = code === 'invalid' || code === 'unknown' ? `${MESSAGES[code]} (${detail})` : MESSAGES[code];
  return new StorageError(code, message, err);
}

/** Run a storage operation, rethrowing any failure as a StorageError. */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw toStorageError(err);
  }
}
