/**
 * The side panel's shell: follows the active tab, asks its engine for the
 * page items, watches the database, and hands both to the tab views.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageItems, ScrollTarget } from '../../shared/messages';
import { toBackground, toPage } from '../../shared/messaging';
import { t } from '../i18n';
import { errorText, sleep } from '../common/tabs';
import { useLiveQuery } from '../common/useLiveQuery';
import { Tabs, TabPanel, type TabDef } from './Tabs';
import { ThisPageTab } from './ThisPageTab';
import { FiguresTable } from './FiguresTable';
import { TermsTab } from './TermsTab';
import { PledgesTab } from './PledgesTab';
import { SearchTab } from './SearchTab';
import { ExportTab } from './ExportTab';
import { useActiveTab } from './useActiveTab';
import * as data from './data';
import '../common/base.css';
import './sidepanel.css';

type TabId = 'page' | 'figures' | 'terms' | 'pledges' | 'search' | 'export';
/** Tabs that show the current page and so need its engine. */
const PAGE_TABS: TabId[] = ['page', 'figures', 'terms'];

type ItemsState = { status: 'loading' } | { status: 'ready'; items: PageItems } | { status: 'none' };

export function SidePanel() {
  const tab = useActiveTab();
  const [selected, setSelected] = useState<TabId>('page');
  const [items, setItems] = useState<ItemsState>({ status: 'loading' });
  const [error, setError] = useState<string>();

  const tabId = tab?.id;
  const reload = useCallback(async () => {
    if (tabId == null) return setItems({ status: 'none' });
    try {
      setItems({ status: 'ready', items: await data.loadPageItems(tabId) });
    } catch {
      setItems({ status: 'none' });
    }
  }, [tabId]);

  // New tab, navigation or reload: ask again. The engine may still be starting, so retry briefly.
  useEffect(() => {
    let cancelled = false;
    setItems({ status: 'loading' });
    (async () => {
      for (let i = 0; i < 5 && !cancelled; i++) {
        if (tabId == null) break;
        try {
          const value = await data.loadPageItems(tabId);
          if (!cancelled) setItems({ status: 'ready', items: value });
          return;
        } catch {
          await sleep(400);
        }
      }
      if (!cancelled) setItems({ status: 'none' });
    })();
    return () => {
      cancelled = true;
    };
  }, [tabId, tab?.url, tab?.loads]);

  // Stored records of this page changed (here, in the page, or in another window): refresh.
  const url = items.status === 'ready' ? (items.items.report?.url ?? tab?.url ?? '') : '';
  const version = useLiveQuery(() => (url ? data.pageDataVersion(url) : ''), [url], '');
  useEffect(() => {
    if (version.value) void reload();
  }, [version.value]);

  const saved = useLiveQuery(data.listSavedPledges, [], [] as data.SavedPledge[]);

  /** Runs a write, reports its failure at the top of the panel. */
  const act = async <T,>(fn: () => Promise<T>): Promise<T> => {
    setError(undefined);
    try {
      return await fn();
    } catch (err) {
      setError(errorText(err));
      throw err;
    }
  };
  const scrollTo = (target: ScrollTarget) => {
    if (tabId != null) void toPage(tabId, 'page:scroll-to', target).catch((err) => setError(errorText(err)));
  };
  /** A search hit: scroll to it here if it is on this tab's report, else open its report to it. */
  const reveal = (hit: data.SearchHit) => {
    if (page?.report?.url === hit.url) scrollTo({ kind: 'annotation', id: hit.id });
    else void act(() => toBackground('annotation:reveal', { url: hit.url, id: hit.id })).catch(() => undefined);
  };
  const tellPage = () => (tabId != null ? toPage(tabId, 'page:refresh-annotations', {}).catch(() => undefined) : undefined);

  const page = items.status === 'ready' ? items.items : null;

  // The same repaired/original switch as the popup, so a reader working in the panel need not leave it.
  const [showingRepaired, setShowingRepaired] = useState<boolean | null>(null);
  useEffect(() => {
    if (tabId == null || !page) return setShowingRepaired(null);
    toPage(tabId, 'page:state', {}).then((s) => setShowingRepaired(s.showingRepaired), () => setShowingRepaired(null));
  }, [tabId, page]);
  const toggle = (repaired: boolean) =>
    tabId != null && void act(async () => setShowingRepaired((await toPage(tabId, 'page:toggle', { repaired })).showingRepaired));

  const tabs: TabDef<TabId>[] = [
    { id: 'page', label: t('panel.tab.page'), badge: page ? page.annotations.length + page.orphans.length : 0 },
    { id: 'figures', label: t('panel.tab.figures'), badge: page?.figures.length },
    { id: 'terms', label: t('panel.tab.terms'), badge: page?.terms.length },
    { id: 'pledges', label: t('panel.tab.pledges'), badge: saved.value.length },
    { id: 'search', label: t('panel.tab.search') },
    { id: 'export', label: t('panel.tab.export') },
  ];

  const needsPage = PAGE_TABS.includes(selected);
  return (
    <div class="panel">
      <Tabs tabs={tabs} selected={selected} onSelect={setSelected} label={t('extName')} />
      {showingRepaired !== null && (
        <div class="row small viewbar">
          <span class="grow muted">{t('popup.view')}</span>
          <div class="seg" role="group" aria-label={t('popup.view')}>
            <button type="button" aria-pressed={!showingRepaired} onClick={() => toggle(false)}>
              {t('popup.original')}
            </button>
            <button type="button" aria-pressed={showingRepaired} onClick={() => toggle(true)}>
              {t('popup.repaired')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="error small banner" role="alert">
          {error}
        </p>
      )}
      {saved.error && selected === 'pledges' && (
        <p class="error small banner" role="alert">
          {saved.error}
        </p>
      )}
      <TabPanel id={selected}>
        {needsPage && items.status === 'loading' && <p class="muted empty">{t('common.loading')}</p>}
        {needsPage && items.status === 'none' && <p class="muted empty">{t('panel.noEngine')}</p>}
        {page && selected === 'page' && (
          <ThisPageTab
            items={page}
            savedPledges={saved.value}
            onScrollTo={scrollTo}
            onSavePledge={(index) =>
              act(async () => {
                if (tabId == null) return;
                const saved = await toPage(tabId, 'page:save-pledge', { index });
                if (!saved) throw new Error(t('panel.page.saveFailed'));
                await reload();
              })
            }
            onReattach={(id) => act(async () => (tabId == null ? false : toPage(tabId, 'page:reattach', { id })))}
            onSaveAnnotation={(id, changes) =>
              act(async () => {
                await data.updateAnnotation(id, changes);
                await tellPage();
              })
            }
            onDeleteAnnotation={(id) =>
              act(async () => {
                await data.deleteAnnotation(id);
                await tellPage();
                await reload();
              })
            }
            onSetPledgeStatus={(pledgeId, status, evidence) =>
              act(async () => {
                const current = saved.value.find((p) => p.id === pledgeId);
                await data.updatePledge(pledgeId, { status, note: withEvidence(current?.note ?? '', evidence, page.report?.title) });
              })
            }
          />
        )}
        {page && selected === 'figures' && <FiguresTable figures={page.figures} onSelect={(index) => scrollTo({ kind: 'figure', index })} />}
        {page && selected === 'terms' && (
          <TermsTab
            terms={page.terms}
            glossary={page.glossary}
            onScrollTo={(index) => scrollTo({ kind: 'term', index })}
            onSaveDefinition={(term, definition) =>
              act(async () => {
                await data.setUserDefinition(term, definition);
                await reload();
              })
            }
          />
        )}
        {selected === 'pledges' && <PledgesTab pledges={saved.value} onUpdate={(id, changes) => act(() => data.updatePledge(id, changes))} />}
        {selected === 'search' && <SearchTab search={data.search} onReveal={reveal} warm={data.warmSearch} />}
        {selected === 'export' && <ExportTab exportData={data.exportData} importData={data.importData} />}
      </TabPanel>
    </div>
  );
}

/** Appends the report's sentence to the pledge's note once, so the status has its evidence beside it. */
export function withEvidence(note: string, evidence: string | undefined, source: string | undefined): string {
  if (!evidence || note.includes(evidence)) return note;
  const line = source ? `${source}: ${evidence}` : evidence;
  return note ? `${note}\n${line}` : line;
}
