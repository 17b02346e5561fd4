import { browser } from 'wxt/browser';

/**
 * Annotations to show in tabs the side panel opened for them, by tab id. The
 * engine asks once it has anchored its annotations, a second or two after
 * the tab opens, so an in-memory map is enough: if the worker was stopped in
 * between, the page simply opens at the top.
 */
const pending = new Map<number, string>();

export async function openToReveal(url: string, id: string): Promise<void> {
  const tab = await browser.tabs.create({ url });
  if (tab.id !== undefined) pending.set(tab.id, id);
}

export function takePendingReveal(tabId: number | undefined): string | null {
  if (tabId === undefined) return null;
  const id = pending.get(tabId) ?? null;
  pending.delete(tabId);
  return id;
}
