import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeTab } from '../common/tabs';

export interface ActiveTab {
  id: number;
  url: string;
  /** Bumps when the tab finishes loading, so the panel re-asks the engine even if the URL is unchanged (reload). */
  loads: number;
}

/** The active tab of the panel's window, following tab switches, navigations and reloads. */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    let loads = 0;
    const refresh = async () => {
      const t = await activeTab();
      setTab(t?.id != null ? { id: t.id, url: t.url ?? '', loads: ++loads } : null);
    };
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, info: { status?: string; url?: string }, t: { active?: boolean }) => {
      if (t.active && (info.status === 'complete' || info.url)) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged?.addListener(onActivated);
    void refresh();
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged?.removeListener(onActivated);
    };
  }, []);
  return tab;
}
