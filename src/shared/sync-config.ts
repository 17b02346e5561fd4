/**
 * Sync settings. Credentials and the derived encryption key live in
 * storage.local only: never storage.sync (which the browser copies to its
 * account), never an export (exports read the database, not this).
 */
import { storage } from 'wxt/utils/storage';
import { checkServerUrl } from './server-url';

export { checkServerUrl };

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

/** Host permission patterns of every configured server (kept out of "GovLens runs on this site"). */
export async function syncPatterns(): Promise<string[]> {
  const [own, shared] = await Promise.all([syncConfig.getValue(), sharedSources.getValue()]);
  return [own?.url, ...shared.map((s) => s.url)]
    .filter((u): u is string => !!u)
    .map((u) => checkServerUrl(u))
    .flatMap((c) => ('pattern' in c ? [c.pattern] : []));
}
