/**
 * The popup's shell: finds the active tab, asks its engine for the page
 * state, and turns clicks into messages. Rendering is PopupView's job.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LayerKind, PageState, RepairMarks, SiteMode } from '../../shared/messages';
import { toBackground, toPage } from '../../shared/messaging';
import { activeTab, canRunOn, hostOf, sleep } from '../common/tabs';
import { UiError, userMessage } from '../common/errors';
import { openSidePanel } from '../common/sidepanel';
import { commandShortcuts } from '../common/shortcuts';
import { t } from '../i18n';
import { PopupView, type PopupActions, type PopupModel } from './PopupView';
import '../../../assets/css/base.css';
import './popup.css';

export function Popup() {
  const [tab, setTab] = useState<{ id: number; url?: string } | null>(null);
  const [model, setModel] = useState<PopupModel>({ status: 'loading' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shortcuts, setShortcuts] = useState<Record<string, string>>({});
  useEffect(() => {
    void commandShortcuts().then((list) => setShortcuts(Object.fromEntries(list.filter((c) => c.shortcut).map((c) => [c.name, c.shortcut]))));
  }, []);

  const load = useCallback(async (): Promise<boolean> => {
    const current = await activeTab();
    if (!current?.id) {
      setModel({ status: 'inactive', canEnable: false });
      return false;
    }
    setTab({ id: current.id, url: current.url });
    try {
      const state = await toPage(current.id, 'page:state', {});
      setModel({ status: 'active', state });
      return true;
    } catch {
      // No content script in the tab: the page was never enabled, or extensions cannot run there.
      const host = hostOf(current.url);
      const siteMode = host ? await toBackground('site:get-mode', { host }).catch(() => undefined) : undefined;
      const judged = canRunOn(current.url) ? await judgedNotReport(current.id) : undefined;
      setModel({ status: 'inactive', url: current.url, canEnable: canRunOn(current.url), siteMode, judged });
      return false;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs an action, shows its error if it fails, and patches the state on success. */
  const run = async (fn: () => Promise<Partial<PageState> | void>) => {
    setError(undefined);
    setBusy(true);
    try {
      const patch = await fn();
      if (patch) setModel((m) => (m.status === 'active' ? { status: 'active', state: { ...m.state, ...patch } } : m));
    } catch (err) {
      setError(userMessage(err).text);
    } finally {
      setBusy(false);
    }
  };

  /** After injection the engine needs a moment before it answers. */
  const waitForEngine = async () => {
    for (let i = 0; i < 15; i++) {
      if (await load()) return;
      await sleep(200);
    }
    throw new UiError(t('popup.enableFailed'));
  };

  const actions: PopupActions = {
    onToggleRepaired: (repaired) =>
      tab && run(async () => ({ showingRepaired: (await toPage(tab.id, 'page:toggle', { repaired })).showingRepaired })),
    onSetLayer: (layer: LayerKind, on: boolean) =>
      tab &&
      run(async () => {
        await toPage(tab.id, 'page:set-layer', { layer, on });
        return model.status === 'active' ? { layers: { ...model.state.layers, [layer]: on } } : undefined;
      }),
    onSetMode: (mode: SiteMode) =>
      tab &&
      run(async () => {
        await toBackground('site:set-mode', { host: hostOf(tab.url), mode });
        return { siteMode: mode };
      }),
    onSetTraditional: (traditional: boolean) =>
      tab &&
      run(async () => {
        await toBackground('settings:set-traditional', { traditional });
        return { traditional: (await toPage(tab.id, 'page:set-traditional', { traditional })).traditional };
      }),
    onSetRepairMarks: (marks: RepairMarks) =>
      tab &&
      run(async () => {
        await toBackground('settings:set-marks', { marks });
        await toPage(tab.id, 'page:set-marks', { marks });
        return { repairMarks: marks };
      }),
    onOpenOptions: () => {
      void browser.runtime.openOptionsPage().then(() => window.close());
    },
    onOpenPanel: () => {
      // Must run synchronously inside the click: sidePanel.open needs the user gesture.
      if (!tab) return;
      openSidePanel(tab.id).then(
        () => window.close(),
        (err) => setError(userMessage(err).text),
      );
    },
    onEnableTab: () =>
      tab &&
      run(async () => {
        await toBackground('tab:enable', { tabId: tab.id });
        await waitForEngine();
      }),
    onEnableSite: () => {
      if (!tab?.url) return;
      const origin = new URL(tab.url).origin;
      // permissions.request must be the first thing the click does (user gesture).
      const asked = browser.permissions.request({ origins: [`${origin}/*`] });
      void run(async () => {
        if (!(await asked)) throw new UiError(t('popup.permissionDenied'));
        await toBackground('site:set-mode', { host: hostOf(tab.url), mode: 'always' });
        await toBackground('tab:enable', { tabId: tab.id });
        await waitForEngine();
      });
    },
  };

  return <PopupView model={model} actions={actions} error={error} busy={busy} shortcuts={shortcuts} />;
}

/**
 * Whether GovLens's detector looked at this page and found it is not a
 * report (detect.js marks <html> so). Reading one attribute needs only the
 * activeTab grant the popup's click gives; any failure means "don't know".
 */
async function judgedNotReport(tabId: number): Promise<'not-report' | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.getAttribute('data-govlens') });
    return result?.result === 'not-report' ? 'not-report' : undefined;
  } catch {
    return undefined;
  }
}
