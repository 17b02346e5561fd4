/**
 * Where things live on the server, and how a file's text is made and read:
 *
 *   GovLens/v1/encryption.json                     plain: the key-derivation parameters and a check value
 *   GovLens/v1/devices/<device id>.json            each device's change journal (only that device writes it)
 *   GovLens/v1/<kind>/<2 chars>/<file id>.json     one record per file
 *
 * File ids are the records' random UUIDs; a key that is not random (a glossary
 * term, an imported id) gets a keyed hash instead, so names reveal nothing.
 */
import type { SyncDoc, SyncKind } from '../storage/types';
import { decryptText, derivedFileId, encryptText, isEnvelope, type SyncKeys } from './crypto';
import { SyncError } from './errors';
import { fromFileText, toFileText } from './format';

export const ROOT = 'GovLens/v1';
export const ENCRYPTION_FILE = `${ROOT}/encryption.json`;
export const DEVICES_DIR = `${ROOT}/devices`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const kindDir = (kind: SyncKind) => `${ROOT}/${kind}`;
export const headPath = (device: string) => `${DEVICES_DIR}/${device}.json`;
export const recordPath = (kind: SyncKind, fileId: string) => `${ROOT}/${kind}/${fileId.slice(0, 2)}/${fileId}.json`;
/** The part of a path the encryption binds a file's content to (the same in any folder it is copied to). */
export const relPath = (path: string) => path.slice(path.indexOf(ROOT) + ROOT.length + 1);

/** A device's journal: the files it wrote, numbered, so others fetch just those. */
export interface DeviceHead {
  device: string;
  seq: number;
  journal: Array<{ s: number; p: string }>;
  updated: number;
}

/** Kept in each head: enough for a device that syncs daily; one further behind walks the folders. */
export const JOURNAL_LENGTH = 1000;

export class Codec {
  constructor(readonly keys: SyncKeys | null) {}

  get encrypted(): boolean {
    return !!this.keys;
  }

  async fileId(kind: SyncKind, id: string): Promise<string> {
    if (kind !== 'glossary' && UUID.test(id)) return id;
    return derivedFileId(this.keys, `${kind}:${id}`);
  }

  async path(kind: SyncKind, id: string): Promise<string> {
    return recordPath(kind, await this.fileId(kind, id));
  }

  private async seal(path: string, plain: string): Promise<string> {
    return this.keys ? encryptText(this.keys, relPath(path), plain) : plain;
  }

  private async open(path: string, text: string): Promise<string> {
    if (this.keys) return decryptText(this.keys, relPath(path), text);
    // A plain folder with an encrypted file in it: someone else's passphrase.
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SyncError('corrupt', path);
    }
    if (isEnvelope(parsed)) throw new SyncError('needs-passphrase', path);
    return text;
  }

  async encodeDoc(doc: SyncDoc, path: string): Promise<string> {
    const fileId = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    return this.seal(path, toFileText(doc, fileId));
  }

  async decodeDoc(text: string, path: string): Promise<SyncDoc> {
    return fromFileText(await this.open(path, text), path);
  }

  async encodeHead(head: DeviceHead, path: string): Promise<string> {
    return this.seal(path, JSON.stringify({ 'govlens:head': head }));
  }

  async decodeHead(text: string, path: string): Promise<DeviceHead> {
    const o = JSON.parse(await this.open(path, text)) as { 'govlens:head'?: DeviceHead };
    const h = o['govlens:head'];
    if (!h || typeof h.seq !== 'number' || !Array.isArray(h.journal)) throw new SyncError('corrupt', path);
    return h;
  }
}
