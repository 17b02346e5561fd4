import { canonicalUrl, fingerprint } from '../core/fingerprint';
import { reportRegion, reportYear } from '../core/report-meta';
import { h, render } from 'preact';
import { Notice, PAGE_UI_CSS, storageErrorText } from '../ui/page';
import { handle, toBackground } from '../shared/messaging';
import type { PageItems, PageProtocol, PledgeRecord, ReportInfo, ScrollTarget } from '../shared/messages';
import { Annotator } from './annotator';
import { provideInjectedSimplifiedToTraditional } from './data-scripts';
import { Engine } from './engine';
import { pageItems, pledgeRecord } from './items';
import { Tooltips } from './tooltips';
import { createUiHost } from './ui-host';

declare global {
  interface Window {
    __govlensEngine?: Engine;
  }
}

/** Starts the engine once per document and answers the popup, side panel and commands. */
export async function boot(): Promise<void> {
  if (window.__govlensEngine) return;
  const bootStart = performance.now();
  const doc = document;
  const engine = new Engine(doc);
  window.__govlensEngine = engine;
  provideInjectedSimplifiedToTraditional();
  // The reader's settings, asked for together: each is a round trip to the background.
  [engine.userGlossary, engine.siteMode, engine.traditionalOutput] = await Promise.all([
    toBackground('glossary:get-user', {}).catch(() => []),
    toBackground('site:get-mode', { host: location.hostname }).catch(() => 'always' as const),
    toBackground('settings:get-traditional', {}).catch(() => false),
  ]);

  const started = performance.now();
  await engine.start();
  doc.documentElement.setAttribute('data-govlens-done', performance.now().toFixed(1));
  doc.documentElement.setAttribute('data-govlens-ms', String(Math.round(performance.now() - started)));
  doc.documentElement.setAttribute('data-govlens-longest-task-ms', String(Math.round(engine.slicer.longestMs)));
  doc.documentElement.setAttribute('data-govlens-timings', JSON.stringify({
      // From detect.js starting to this script starting: the sample's trip to the background and the injection.
      inject: Math.round(bootStart - Number(doc.documentElement.getAttribute('data-govlens-t0') ?? bootStart)),
      boot: Math.round(started - bootStart),
      ...engine.timings,
      tasks: engine.slicer.longest,
    }));

  const ui = createUiHost(doc, PAGE_UI_CSS);
  const tipMount = doc.createElement('div');
  const toolbarMount = doc.createElement('div');
  const noticeMount = doc.createElement('div');
  ui.mount.append(tipMount, toolbarMount, noticeMount);
  const annotator = new Annotator(engine, toolbarMount, location.href);
  const closeNotice = () => render(null, noticeMount);
  annotator.onWriteFailed = (err, retry, note) =>
    render(
      h(Notice, {
        message: storageErrorText(err),
        note,
        onRetry: () => {
          closeNotice();
          retry();
        },
        onClose: closeNotice,
      }),
      noticeMount,
    );
  let report: ReportInfo | null = null;
  let savedPledges: PledgeRecord[] = [];

  const tooltips = new Tooltips(engine, tipMount, {
    saveDefinition: async (term, definition) => {
      await toBackground('glossary:set-user', { term, definition });
      engine.userGlossary = await toBackground('glossary:get-user', {});
      await engine.extract();
      tooltips.hide();
    },
    savePledge: (index) => void savePledge(index).catch((err) => annotator.onWriteFailed?.(err, () => void savePledge(index), '')),
    saveAnnotation: (id, changes) => void annotator.update(id, changes),
    deleteAnnotation: (id) => void annotator.remove(id),
  });
  tooltips.install();
  annotator.install();

  async function savePledge(index: number): Promise<PledgeRecord | null> {
    const clause = engine.pledges[index];
    if (!clause || !report) return null;
    const record = pledgeRecord(engine, clause, report, annotator.reportId ?? '');
    const saved = await toBackground('pledge:add', record);
    savedPledges.push(saved);
    return saved;
  }

  // Answer the popup, side panel and commands as soon as the marks exist: saved work
  // arrives over several storage round-trips and a command must not fail meanwhile.
  const items = (): PageItems => pageItems(engine, annotator, report, savedPledges);

  /** Scrolls a mark into view and opens its tooltip. */
  function scrollTo(target: ScrollTarget): boolean {
    const mark =
      target.kind === 'annotation'
        ? engine.marks.find((m) => m.type === 'annotation' && m.record.id === target.id)
        : engine.marks.find((m) => m.type === target.kind && 'index' in m && m.index === target.index);
    if (!mark) return false;
    const range = engine.page.range(doc, mark.start, mark.end);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (range) tooltips.show(mark, false);
    return Boolean(range);
  }

  handle<PageProtocol>({
    'page:state': () => engine.state({ annotations: annotator.anchored.size, orphans: annotator.orphans.length }),
    'page:items': items,
    'page:match-pledges': ({ pledges }) => engine.matchSavedPledges(pledges),
    'page:toggle': ({ repaired }) => ({ showingRepaired: engine.toggle(repaired) }),
    'page:set-layer': ({ layer, on }) => engine.layers.setVisible(layer, on),
    'page:set-traditional': async ({ traditional }) => ({ traditional: await engine.setTraditionalOutput(traditional) }),
    'page:scroll-to': scrollTo,
    'page:next-mark': () => tooltips.next(),
    'page:highlight-selection': ({ note }) => annotator.offerToolbar(note ? 'note' : 'buttons'),
    'page:save-pledge': ({ index }) => savePledge(index),
    'page:reattach': ({ id }) => annotator.reattach(id),
    'page:refresh-annotations': async () => {
      if (annotator.reportId) await annotator.load(annotator.reportId);
    },
    // Another tab (or the side panel) saved, changed or deleted a highlight of this report: show it without a reload.
    'page:annotations-changed': async ({ reportId }) => {
      if (reportId === annotator.reportId) await annotator.load(reportId);
    },
  });

  /**
   * Which report this is, and the reader's saved work on it. Runs again when
   * the address changes under a single-page app: the new article is another
   * report, with highlights of its own.
   */
  let identifiedUrl = '';
  async function identify(): Promise<void> {
    identifiedUrl = location.href;
    const text = engine.page.text;
    report = {
      url: canonicalUrl(location.href),
      title: doc.title,
      region: reportRegion(doc.title, text),
      year: reportYear(doc.title, text),
      // The opening 60,000 characters identify a report as well as all of it, at a fraction of the cost.
      fingerprint: fingerprint(text.slice(0, 60_000)),
    };
    annotator.pageUrl = location.href;
    const { reportId } = await toBackground('report:upsert', report);
    await annotator.load(reportId);
    savedPledges = await toBackground('pledge:list', {}).catch(() => []);
  }

  try {
    await identify();
    // Opened from a search result in the side panel: show that annotation.
    const reveal = await toBackground('annotation:pending-reveal', {}).catch(() => null);
    if (reveal) scrollTo({ kind: 'annotation', id: reveal });
  } catch (err) {
    console.warn('GovLens: saved work unavailable', err);
  }

  // Later content (lazy loading, "read more") moves positions and can bring an orphan's quote back.
  engine.onTextChanged = () => {
    if (location.href === identifiedUrl) void annotator.reanchor();
    else identify().catch((err) => console.warn('GovLens: saved work unavailable', err));
  };
}
