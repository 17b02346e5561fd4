import { storage } from 'wxt/utils/storage';
import type { RepairMarks, SiteMode } from './messages';

/** Per-site choice: always repair, ask first, or never run. Synced across the user's browsers. */
export const siteModes = storage.defineItem<Record<string, SiteMode>>('sync:siteModes', { fallback: {} });

/** Show Traditional instead of Simplified (user preference). */
export const preferTraditional = storage.defineItem<boolean>('sync:preferTraditional', { fallback: false });

/** Repair marks faint (default) or in full. */
export const repairMarks = storage.defineItem<RepairMarks>('sync:repairMarks', { fallback: 'quiet' });

export async function getSiteMode(host: string): Promise<SiteMode> {
  const modes = await siteModes.getValue();
  return modes[host] ?? 'always';
}

export async function setSiteMode(host: string, mode: SiteMode): Promise<void> {
  const modes = await siteModes.getValue();
  await siteModes.setValue({ ...modes, [host]: mode });
}
