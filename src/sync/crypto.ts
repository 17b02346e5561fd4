/**
 * End-to-end encryption of sync files with WebCrypto (background, extension
 * pages and Node 20 alike): a 512-bit secret from the passphrase by
 * PBKDF2-SHA-256 at 600,000 iterations (OWASP's figure for PBKDF2-SHA-256),
 * split into an AES-256-GCM key for file contents and an HMAC-SHA-256 key for
 * the file names of glossary entries (so a term never shows in a name).
 *
 * Each file is `{"govlens":"aes-gcm-1","iv":…,"data":…}`; the file's path is
 * the additional authenticated data, so the server cannot swap two files, and
 * the plain text is padded to a multiple of 256 bytes, so sizes say little.
 */
import { SyncError } from './errors';

export const PBKDF2_ITERATIONS = 600_000;
export const ENVELOPE = 'aes-gcm-1';
const PAD = 256;
const CHECK_TEXT = 'govlens-passphrase-check';

export interface EncryptionParams {
  cipher: 'AES-GCM-256';
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
}

export interface SyncKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
  /** The derived secret, base64 (kept in storage.local so the passphrase itself is never stored). */
  raw: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function newEncryptionParams(iterations = PBKDF2_ITERATIONS): EncryptionParams {
  return { cipher: 'AES-GCM-256', kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
}

export async function importKeys(raw: string): Promise<SyncKeys> {
  const bytes = fromBase64(raw);
  if (bytes.length !== 64) throw new SyncError('passphrase');
  const aes = await crypto.subtle.importKey('raw', bytes.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const hmac = await crypto.subtle.importKey('raw', bytes.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { aes, hmac, raw };
}

export async function deriveKeys(passphrase: string, params: EncryptionParams): Promise<SyncKeys> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations }, base, 512);
  return importKeys(toBase64(new Uint8Array(bits)));
}

export async function encryptText(keys: SyncKeys, path: string, text: string): Promise<string> {
  const plain = enc.encode(text);
  const padded = new Uint8Array(Math.ceil((plain.length + 1) / PAD) * PAD).fill(0x20);
  padded.set(plain);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(path) }, keys.aes, padded);
  return JSON.stringify({ govlens: ENVELOPE, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) });
}

export function isEnvelope(value: unknown): value is { govlens: string; iv: string; data: string } {
  const v = value as { govlens?: unknown; iv?: unknown; data?: unknown } | null;
  return !!v && v.govlens === ENVELOPE && typeof v.iv === 'string' && typeof v.data === 'string';
}

/** Decrypts a file; a wrong key (or a file tampered with or moved) is a 'passphrase' error. */
export async function decryptText(keys: SyncKeys, path: string, fileText: string): Promise<string> {
  let env: unknown;
  try {
    env = JSON.parse(fileText);
  } catch {
    throw new SyncError('corrupt', path);
  }
  if (!isEnvelope(env)) throw new SyncError('corrupt', path);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(env.iv), additionalData: enc.encode(path) }, keys.aes, fromBase64(env.data));
    return dec.decode(plain).trimEnd();
  } catch {
    throw new SyncError('passphrase', path);
  }
}

/** A value stored beside the parameters, to tell a wrong passphrase before any file is touched. */
export function makeCheck(keys: SyncKeys): Promise<string> {
  return encryptText(keys, 'encryption.json', CHECK_TEXT);
}

export async function verifyCheck(keys: SyncKeys, check: string): Promise<boolean> {
  try {
    return (await decryptText(keys, 'encryption.json', check)) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/** A stable, uuid-shaped file id for a key that is not random (a glossary term): keyed HMAC, or plain SHA-256 without encryption. */
export async function derivedFileId(keys: SyncKeys | null, name: string): Promise<string> {
  const data = enc.encode(`govlens:${name}`);
  const digest = new Uint8Array(keys ? await crypto.subtle.sign('HMAC', keys.hmac, data) : await crypto.subtle.digest('SHA-256', data));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

