import { canonicalUrl, fingerprint } from '../core/fingerprint';
import { reportRegion, reportYear } from '../core/report-meta';
import { h, render } from 'preact';
import { Notice, PAGE_UI_CSS, storageErrorText } from '../ui/page';
import { handle, toBackground } from '../shared/messaging';
import { preferTraditional, repairMarks } from '../shared/settings';
import type { PageItems, PageProtocol, PledgeRecord, RepairMarks, ReportInfo, ScrollTarget } from '../shared/messages';
import { Annotator } from './annotator';
import { expectDataScripts, provideInjectedSimplifiedToTraditional, provideInjectedStageData } from './data-scripts';
import { Engine } from './engine';
import { pageItems, pledgeRecord } from './items';
import { Tooltips } from './tooltips';
import { createUiHost } from './ui-host';
import { pageVerdict, startTimings } from './verdict';

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
  provideInjectedStageData();
  // The verdict came with the injection, with the site's mode and the script preference read
  // meanwhile; only an engine started otherwise (popup, ask prompt) asks for what it lacks.
  const verdict = await pageVerdict(doc);
  engine.detection = { isReport: verdict.isReport, score: verdict.score ?? 0, signals: verdict.signals ?? [] };
  expectDataScripts(verdict.data);
  // The reader's glossary is needed only once text is read for terms: the engine starts without waiting for it.
  engine.userGlossaryArriving = toBackground('glossary:get-user', {}).catch(() => []);
  // The reader's settings, asked for together: each is a round trip to the background.
  let marks: RepairMarks;
  [engine.siteMode, engine.traditionalOutput, marks] = await Promise.all([
    verdict.mode ?? toBackground('site:get-mode', { host: location.hostname }).catch(() => 'always' as const),
    verdict.traditional ?? toBackground('settings:get-traditional', {}).catch(() => false),
    verdict.marks ?? toBackground('settings:get-marks', {}).catch(() => 'quiet' as const),
  ]);
  engine.layers.repairMarks = marks;

  engine.hint = verdict.damage ?? [];
  const started = performance.now();
  // The tooltips, the toolbar and the answers to the popup start with the first marks, not the whole page's.
  const firstMarks = new Promise<void>((resolve) => {
    engine.onFirstMarks = () => {
      // Where `npm run bench` stops the clock for "first marks in the viewport".
      doc.documentElement.setAttribute('data-govlens-first-marks', performance.now().toFixed(1));
      resolve();
    };
  });
  const running = engine.start();
  await Promise.race([firstMarks, running]);

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
    isPledgeSaved: (index) => savedPledges.some((s) => s.text === engine.pledges[index]?.text && s.reportId === annotator.reportId),
    saveAnnotation: (id, changes) => void annotator.update(id, changes),
    deleteAnnotation: (id) => void annotator.remove(id),
    copyShared: (key) => void annotator.copyShared(key),
  });
  tooltips.install();
  annotator.install();
  // A card opened on the repaired text is stale once the page shows the original (or the other script).
  engine.onViewChanged = () => tooltips.hide();
  // The reader changed a reading setting elsewhere (options page, another tab's popup): follow it here too.
  repairMarks.watch((v) => engine.layers.setRepairMarks(v ?? 'quiet'));
  preferTraditional.watch((v) => void engine.setTraditionalOutput(Boolean(v)));

  async function savePledge(index: number): Promise<PledgeRecord | null> {
    const pledge = engine.pledges[index];
    if (!pledge || !report || !annotator.reportId) return null;
    // Saved already (twice-clicked, or saved from the outline meanwhile): the record it has.
    const known = savedPledges.find((s) => s.text === pledge.text && s.reportId === annotator.reportId);
    if (known) return known;
    const saved = await toBackground('pledge:add', pledgeRecord(engine, pledge, report, annotator.reportId));
    savedPledges.push(saved);
    tooltips.refresh();
    return saved;
  }

  async function savePledges(indexes: number[]): Promise<PledgeRecord[]> {
    const out: PledgeRecord[] = [];
    for (const i of indexes) {
      const saved = await savePledge(i);
      if (saved) out.push(saved);
    }
    return out;
  }

  // Answer the popup, side panel and commands as soon as the marks exist: saved work
  // arrives over several storage round-trips and a command must not fail meanwhile.
  // The title as the page shows it now: in the reader's script (see page-chrome.ts), or the original.
  const items = (): PageItems => pageItems(engine, annotator, report && { ...report, title: doc.title || report.title }, savedPledges);

  /** Scrolls a mark into view and opens its tooltip. */
  function scrollTo(target: ScrollTarget): boolean {
    if (target.kind === 'text') {
      const range = engine.page.range(doc, target.start, target.end);
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (range) flashSelection(range);
      return Boolean(range);
    }
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

  /** Shows where a sentence is by selecting it (the reader's own selection, so nothing is added to the page). */
  function flashSelection(range: Range): void {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }

  handle<PageProtocol>({
    'page:state': () => engine.state({ annotations: annotator.anchored.size, orphans: annotator.orphans.length, shared: annotator.sharedAnchored.size }),
    'page:items': items,
    'page:toggle': ({ repaired }) => ({ showingRepaired: engine.toggle(repaired) }),
    'page:set-layer': ({ layer, on }) => engine.layers.setVisible(layer, on),
    'page:set-marks': ({ marks }) => engine.layers.setRepairMarks(marks),
    'page:set-traditional': async ({ traditional }) => ({ traditional: await engine.setTraditionalOutput(traditional) }),
    'page:scroll-to': scrollTo,
    'page:next-mark': () => tooltips.next(1),
    'page:prev-mark': () => tooltips.next(-1),
    'page:highlight-selection': ({ note }) => annotator.offerToolbar(note ? 'note' : 'buttons'),
    'page:save-pledge': ({ index }) => savePledge(index),
    'page:save-pledges': ({ indexes }) => savePledges(indexes),
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
    savedPledges = await toBackground('pledge:list', { reportId }).catch(() => []);
  }

  await running;
  doc.documentElement.setAttribute('data-govlens-done', performance.now().toFixed(1));
  doc.documentElement.setAttribute('data-govlens-ms', String(Math.round(performance.now() - started)));
  doc.documentElement.setAttribute('data-govlens-longest-task-ms', String(Math.round(engine.slicer.longestMs)));
  const detectStart = Number(doc.documentElement.getAttribute('data-govlens-t0') ?? bootStart);
  doc.documentElement.setAttribute('data-govlens-timings', JSON.stringify({
      // From detect.js starting to this script starting: the sample's trip to the background and the injection.
      start: Math.round(bootStart - detectStart),
      ...startTimings(verdict, detectStart, bootStart),
      boot: Math.round(started - bootStart),
      ...engine.timings,
      tasks: engine.slicer.longest,
    }));


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
