/**
 * Sync settings. Credentials and the derived encryption key live in
 * storage.local only: never storage.sync (which the browser copies to its
 * account), never an export (exports read the database, not this).
 */
import { storage } from 'wxt/utils/storage';

export interface SyncConfig {
  /** WebDAV folder URL, ending in '/'. */
  url: string;
  username: string;
  password: string;
  /** The key derived from the passphrase (base64), or null when the folder is not encrypted. */
  keys: string | null;
  /** The server refuses writes whose If-Match does not match. */
  ifMatch: boolean;
}

export interface SharedSourceConfig {
  id: string;
  name: string;
  url: string;
  username: string;
  password: string;
  keys: string | null;
  color: SharedColor;
}

export const SHARED_COLORS = ['teal', 'violet', 'orange'] as const;
export type SharedColor = (typeof SHARED_COLORS)[number];

export const syncConfig = storage.defineItem<SyncConfig | null>('local:syncConfig', { fallback: null });
export const sharedSources = storage.defineItem<SharedSourceConfig[]>('local:sharedSources', { fallback: [] });

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The server URL as GovLens uses it, or an error code: https only, except a
 * server on this machine; no credentials, query or fragment in it.
 */
export function checkServerUrl(input: string): { url: string; origin: string; pattern: string } | { error: 'bad-url' | 'insecure' } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { error: 'bad-url' };
  }
  if (u.username || u.password || u.search || u.hash) return { error: 'bad-url' };
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.test(u.hostname))) return { error: u.protocol === 'http:' ? 'insecure' : 'bad-url' };
  const url = u.href.endsWith('/') ? u.href : `${u.href}/`;
  // Match patterns carry no port: the permission covers the host.
  return { url, origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*` };
}

/** Host permission patterns of every configured server (kept out of "GovLens runs on this site"). */
export async function syncPatterns(): Promise<string[]> {
  const [own, shared] = await Promise.all([syncConfig.getValue(), sharedSources.getValue()]);
  return [own?.url, ...shared.map((s) => s.url)]
    .filter((u): u is string => !!u)
    .map((u) => checkServerUrl(u))
    .flatMap((c) => ('pattern' in c ? [c.pattern] : []));
}
