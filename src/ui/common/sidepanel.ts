import { browser } from 'wxt/browser';

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Call it straight from a
 * click handler, before any await: both APIs require a user gesture.
 */
export function openSidePanel(tabId: number): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(o: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidePanel?.open) return api.sidePanel.open({ tabId });
  if (api.sidebarAction?.open) return api.sidebarAction.open();
  return Promise.reject(new Error('No side panel in this browser'));
}
