/**
 * The side panel's shell: follows the active tab, asks its engine for the
 * page items, watches the database, and hands both to the tab views.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { PageItems, ScrollTarget } from '../../shared/messages';
import { toBackground, toPage } from '../../shared/messaging';
import { t } from '../i18n';
import { sleep } from '../common/tabs';
import { UiError, userMessage } from '../common/errors';
import { LayerKey } from '../common/LayerKey';
import { useLiveQuery } from '../common/useLiveQuery';
import { Tabs, TabPanel, type TabDef } from './Tabs';
import { ThisPageTab } from './ThisPageTab';
import { FiguresTable } from './FiguresTable';
import { TermsTab } from './TermsTab';
import { PledgesTab } from './PledgesTab';
import { SearchTab } from './SearchTab';
import { ExportTab } from './ExportTab';
import { useActiveTab } from './useActiveTab';
import { SyncBar } from './SyncBar';
import * as data from './data';
import '../../../assets/css/base.css';
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
  /** The tag the 全部 list is narrowed to (a tag clicked anywhere in the panel). */
  const [tag, setTag] = useState<string | null>(null);
  const showTag = (t: string | null) => {
    setTag(t);
    if (t) setSelected('search');
  };
  // Every note, for the Search tab's list: read only while that tab is open (a library can hold 100,000).
  const notes = useLiveQuery(() => (selected === 'search' ? data.listNotes(tag ?? undefined) : Promise.resolve([] as data.NoteRow[])), [tag, selected], [] as data.NoteRow[]);

  const tabId = tab?.id;
  const reload = useCallback(async () => {
    if (tabId == null) return setItems({ status: 'none' });
    try {
      setItems({ status: 'ready', items: await toPage(tabId, 'page:items', {}) });
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
          const value = await toPage(tabId, 'page:items', {});
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
      setError(userMessage(err).text);
      throw err;
    }
  };
  const scrollTo = (target: ScrollTarget) => {
    if (tabId != null) void toPage(tabId, 'page:scroll-to', target).catch((err) => setError(userMessage(err).text));
  };
  /** A search hit: scroll to it here if it is on this tab's report, else open its report to it. */
  const reveal = (hit: data.SearchHit) => {
    if (page?.report?.url === hit.url) scrollTo({ kind: 'annotation', id: hit.id });
    else void act(() => toBackground('annotation:reveal', { url: hit.url, id: hit.id })).catch(() => undefined);
  };
  const tellPage = () => (tabId != null ? toPage(tabId, 'page:refresh-annotations', {}).catch(() => undefined) : undefined);

  const page = items.status === 'ready' ? items.items : null;
  // Earlier pledges of this region that this page reports on (computed here: the page never sees them).
  const followUps = useMemo(() => (page ? data.followUps(page, saved.value) : []), [page, saved.value]);

  // The same repaired/original switch as the popup, so a reader working in the panel need not leave it.
  const [showingRepaired, setShowingRepaired] = useState<boolean | null>(null);
  const [repairMarks, setRepairMarks] = useState<string>('quiet');
  useEffect(() => {
    if (tabId == null || !page) return setShowingRepaired(null);
    toPage(tabId, 'page:state', {}).then(
      (s) => {
        setShowingRepaired(s.showingRepaired);
        setRepairMarks(s.repairMarks);
      },
      () => setShowingRepaired(null),
    );
  }, [tabId, page]);
  const toggle = (repaired: boolean) =>
    tabId != null && void act(async () => setShowingRepaired((await toPage(tabId, 'page:toggle', { repaired })).showingRepaired));

  const tabs: TabDef<TabId>[] = [
    { id: 'page', label: t('panel.tab.page'), badge: page ? page.annotations.length + page.orphans.length : 0 },
    { id: 'figures', label: t('panel.tab.figures'), badge: page?.figures.length },
    { id: 'terms', label: t('panel.tab.terms'), badge: page?.terms.length },
    { id: 'pledges', label: t('panel.tab.pledges'), badge: page?.pledges.length ?? saved.value.length },
    { id: 'search', label: t('panel.tab.search'), badge: notes.value.length && !tag ? notes.value.length : undefined },
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
      <SyncBar />
      {needsPage && page && <LayerKey quietRepairs={repairMarks !== 'full'} />}
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
            onScrollTo={scrollTo}
            onReattach={(id) => act(async () => (tabId == null ? false : toPage(tabId, 'page:reattach', { id })))}
            onTag={showTag}
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
        {selected === 'pledges' && (
          <PledgesTab
            page={page}
            pledges={saved.value}
            followUps={followUps}
            year={new Date().getFullYear()}
            onUpdate={(id, changes) => act(() => data.updatePledge(id, changes))}
            onScrollTo={(index) => scrollTo({ kind: 'pledge', index })}
            onScrollToEvidence={(start, end) => scrollTo({ kind: 'text', start, end })}
            onSave={(indexes) =>
              act(async () => {
                if (tabId == null) return;
                const savedNow = await toPage(tabId, 'page:save-pledges', { indexes });
                if (savedNow.length < indexes.length) throw new Error(t('panel.page.saveFailed'));
                await reload();
              })
            }
            onRate={(f, status, i) =>
              act(async () => {
                const e = f.evidence[i] ?? f.evidence[0];
                const report = page?.report;
                await data.ratePledge(f.pledge.id, status, {
                  reportId: page?.reportId ?? '',
                  reportTitle: report?.title ?? '',
                  url: report?.url ?? '',
                  year: report?.year ?? null,
                  sentence: e.sentence,
                  ...(e.figure ? { figure: e.figure } : {}),
                  ...(i === 0 && f.verdict ? { proposed: f.verdict } : {}),
                });
              })
            }
          />
        )}
        {selected === 'search' && <SearchTab search={data.search} notes={notes.value} tag={tag} onTag={showTag} onReveal={reveal} warm={data.warmSearch} />}
        {selected === 'export' && <ExportTab exportData={(format) => data.exportData(format, { csvHeader: (column) => t(`panel.export.column.${column}`) })} importData={data.importData} />}
      </TabPanel>
    </div>
  );
}
