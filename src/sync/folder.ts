/**
 * Opening the GovLens folder on a server: what is there (nothing yet, an
 * encrypted folder, a plain one), creating it, and checking a passphrase
 * against it before anything is read or written. Also the one-time probe of
 * whether the server honours If-Match (rclone's does not).
 */
import { deriveKeys, importKeys, makeCheck, newEncryptionParams, verifyCheck, type EncryptionParams, type SyncKeys } from './crypto';
import { SyncError } from './errors';
import { DEVICES_DIR, ENCRYPTION_FILE, ROOT, kindDir } from './layout';
import { KINDS } from './doc';
import type { Remote } from './remote';

export type FolderState = 'empty' | 'encrypted' | 'plain';

interface EncryptionFile {
  format: 'govlens-sync';
  version: 1;
  encryption: (EncryptionParams & { check: string }) | null;
}

/** Checks the server and credentials (one listing) and tells what the GovLens folder holds. */
export async function inspectFolder(remote: Remote): Promise<{ state: FolderState; params: EncryptionFile['encryption'] }> {
  const root = await remote.list('');
  if (root === null) throw new SyncError('not-found');
  const file = await remote.get(ENCRYPTION_FILE);
  if (!file) return { state: 'empty', params: null };
  let parsed: EncryptionFile;
  try {
    parsed = JSON.parse(file.text) as EncryptionFile;
  } catch {
    throw new SyncError('corrupt', ENCRYPTION_FILE);
  }
  if (parsed.format !== 'govlens-sync') throw new SyncError('corrupt', ENCRYPTION_FILE);
  if (parsed.version > 1) throw new SyncError('newer-format');
  return { state: parsed.encryption ? 'encrypted' : 'plain', params: parsed.encryption };
}

export interface OpenOptions {
  /** Required for an encrypted folder, and to create one. */
  passphrase?: string;
  /** For a new folder: encrypt (the default) or, knowingly, not. */
  encrypt?: boolean;
  /** Create the folder if there is none (never for a read-only source). */
  create?: boolean;
  /** The reader agreed to use an existing folder that is not encrypted. */
  acceptPlain?: boolean;
  iterations?: number;
}

/**
 * Opens (or creates) the folder and returns the keys (null when it is not
 * encrypted). A wrong passphrase throws 'passphrase' having written nothing.
 */
export async function openFolder(remote: Remote, options: OpenOptions): Promise<{ keys: SyncKeys | null; created: boolean }> {
  const { state, params } = await inspectFolder(remote);
  if (state === 'encrypted') {
    if (!options.passphrase) throw new SyncError('needs-passphrase');
    const keys = await deriveKeys(options.passphrase, params!);
    if (!(await verifyCheck(keys, params!.check))) throw new SyncError('passphrase');
    return { keys, created: false };
  }
  if (state === 'plain') {
    if (options.encrypt !== false && !options.acceptPlain) throw new SyncError('not-encrypted');
    return { keys: null, created: false };
  }
  if (!options.create) throw new SyncError('not-found', ENCRYPTION_FILE);
  const encrypt = options.encrypt !== false;
  if (encrypt && !options.passphrase) throw new SyncError('needs-passphrase');
  let keys: SyncKeys | null = null;
  let encryption: EncryptionFile['encryption'] = null;
  if (encrypt) {
    const p = newEncryptionParams(options.iterations);
    keys = await deriveKeys(options.passphrase!, p);
    encryption = { ...p, check: await makeCheck(keys) };
  }
  for (const dir of ['GovLens', ROOT, DEVICES_DIR, ...KINDS.map(kindDir)]) await remote.mkdir(dir);
  const file: EncryptionFile = { format: 'govlens-sync', version: 1, encryption };
  try {
    await remote.put(ENCRYPTION_FILE, JSON.stringify(file, null, 2), { ifNoneMatch: true });
  } catch (err) {
    // Another device created the folder at the same moment: use theirs.
    if (err instanceof SyncError && err.code === 'conflict') return openFolder(remote, { ...options, create: false });
    throw err;
  }
  return { keys, created: true };
}

/** Restores keys saved from an earlier openFolder (storage.local keeps the derived secret, never the passphrase). */
export const restoreKeys = (raw: string | null): Promise<SyncKeys | null> => (raw ? importKeys(raw) : Promise.resolve(null));

/** Whether the server refuses a write whose If-Match does not match (Apache, Nextcloud) or ignores it (rclone). */
export async function probeIfMatch(remote: Remote, device: string): Promise<boolean> {
  const path = `${DEVICES_DIR}/${device}.probe`;
  await remote.put(path, '{}');
  let honoured = false;
  try {
    await remote.put(path, '{}', { ifMatch: 'govlens-no-such-version' });
  } catch (err) {
    if (!(err instanceof SyncError) || err.code !== 'conflict') throw err;
    honoured = true;
  }
  await remote.remove(path);
  return honoured;
}
