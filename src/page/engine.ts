import { detectReport } from '../core/detect';
import { dropFiguresInsideTerms } from '../core/annotate';
import { extractFigures, findSections } from '../core/figures';
import type { Figure } from '../core/figures/types';
import { compileBuiltinInSteps, findTerms } from '../core/glossary';
import type { GlossaryEntry, Term } from '../core/glossary/types';
import { buildOutlineInSteps, extractPledgesInSteps, type Outline } from '../core/pledges';
import { parseReportGlossary } from '../core/glossary';
import type { Pledge } from '../core/pledges/types';
import { analysePageInSteps, repair, repairInSteps, warmUp, type RepairOptions } from '../core/repair';
import { loadSimplifiedToTraditional, traditionalCharsToSimplified } from '../core/repair/traditional/script';
import { convertScript } from '../core/repair/traditional/convert-text';
import type { Fix } from '../core/fix-set';
import type { PageContext, RepairKind } from '../core/repair/types';
import type { LayerKind, PageState, SiteMode } from '../shared/messages';
import { HighlightLayers } from './highlights';
import { PageChrome } from './page-chrome';
import { figureLayer, type Mark } from './marks';
import { ChunkView, PageText } from './page-text';
import { samplePage } from './sample';
import { loadBuiltinGlossary, loadLanguageModel } from './data-scripts';
import { TaskSlicer } from './slicer';
import { findMainRootInSteps, reportHeader } from './main-content';
import { buildChunks, collectTextNodes } from './text-index';
import { insideSkipped, isSkippedElement, UI_HOST_ATTR } from './skip';

/**
 * Longest stretch of work before yielding to the page. Well under the 50 ms
 * long-task line: on a busy machine a task's wall time can run to twice its CPU time.
 */
const SLICE_MS = 8;
const MUTATION_DEBOUNCE_MS = 150;
/** Characters of added text that make the page-level context be decided again. */
const REANALYSE_CHARS = 2_000;

/** Characters of page text per extraction slice (cut at line ends). */
const EXTRACT_SLICE = 3_000;

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  return { ...x, start: x.start + by, end: x.end + by };
}

/** [start, end) slices of about `size` characters, ending at line breaks so no sentence is cut. */
function* slices(text: string, size: number): Generator<[number, number]> {
  let a = 0;
  while (a < text.length) {
    let b = Math.min(text.length, a + size);
    if (b < text.length) {
      const nl = text.indexOf('\n', b);
      b = nl < 0 ? text.length : nl + 1;
    }
    yield [a, b];
    a = b;
  }
}

/**
 * The in-page engine: repairs the report's text nodes in place, keeps the
 * originals for exact restoration, and marks figures, terms and pledges.
 */
export class Engine {
  views: ChunkView[] = [];
  page = new PageText([]);
  marks: Mark[] = [];
  figures: Figure[] = [];
  terms: Term[] = [];
  pledges: Pledge[] = [];
  /** The page's headings and parts (review, plan), from the last extraction. */
  outline: Outline | null = null;
  reportGlossary: GlossaryEntry[] = [];
  repaired = true;
  context: PageContext = {};
  userGlossary: GlossaryEntry[] = [];
  siteMode: SiteMode = 'always';
  readonly layers: HighlightLayers;
  private root!: Element;
  private known = new WeakSet<Text>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  /** The address the page-level context was decided for. */
  private analysedUrl = '';
  /** The page removed nodes since the last processPending. */
  private removals = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private detection = { isReport: false, score: 0, signals: [] as string[] };
  /** Called after text the page added or rewrote has been repaired and marked (positions have moved). */
  onTextChanged?: () => void;
  /** Repaired text is shown in Traditional characters (the reader's preference); see setTraditionalOutput. */
  traditionalOutput = false;
  /** Yields between units of work; its longest tasks go to the benchmark. */
  readonly slicer = new TaskSlicer(SLICE_MS);
  /** The page around the report body, shown in the reader's script. */
  readonly chrome: PageChrome;
  /** Called when what the page shows changes under the reader (original/repaired, script): open cards are stale. */
  onViewChanged?: () => void;

  constructor(readonly doc: Document) {
    this.layers = new HighlightLayers(doc);
    this.chrome = new PageChrome(doc, (n) => this.page.has(n));
  }

  /** Milliseconds spent in each phase of start(), for the benchmark and curious users. */
  timings: Record<string, number> = {};

  /** The built-in glossary's data script, asked for at start and awaited only when terms are read. */
  private glossary: Promise<boolean> | undefined;

  async start(): Promise<void> {
    this.glossary ??= loadBuiltinGlossary();
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      this.timings[name] = Math.round((now - t) * 10) / 10;
      t = now;
    };
    this.slicer.restart();
    this.detection = detectReport(samplePage(this.doc));
    await this.slicer.yield('detect');
    this.root = await this.slicer.run('find-root', findMainRootInSteps(this.doc));
    await this.slicer.yield('find-root');
    const header = reportHeader(this.doc, this.root);
    const nodes = [...header.flatMap((el) => collectTextNodes(el, this.known)), ...collectTextNodes(this.root, this.known)];
    const chunks = buildChunks(nodes);
    lap('collect');
    // Each phase gets its own task, so a long page never blocks the main thread for long.
    await this.slicer.yield('collect');
    await this.analyse(chunks.map((c) => c.text));
    if (this.traditionalOutput) this.traditionalOutput = await this.loadTraditionalTables();
    lap('analyse');
    await this.slicer.yield('warm-up');
    const views = chunks.map((c) => new ChunkView(c));
    await this.repairViews(views);
    // Mojibake hides a page's other damage from the analysis (the spinner's forms, Traditional
    // characters): once it is decoded, look again, and repair again if that changes the verdict.
    if (views.some((v) => v.fixes.some((f) => f.kind === 'mojibake'))) {
      if (await this.analyseAgain(views.map((v) => v.canonical.text))) await this.repairViews(views);
    }
    this.views.push(...views);
    this.page = new PageText(this.views, this.textFold());
    this.convertChrome();
    lap('repair');
    await this.slicer.yield('repair');
    this.layers.install();
    await this.extractSlices();
    lap('extract+paint');
    this.observe();
  }

  /**
   * Page-level decisions (spinner used? Traditional page?) from the whole
   * text at once, so that chunks repaired separately agree; then the loads
   * they call for.
   */
  private async analyse(texts: string[]): Promise<void> {
    this.analysedUrl = this.doc.location.href;
    this.context = await this.slicer.run('analyse', analysePageInSteps(texts.join('\n')));
    // Without the model the spun repair cannot choose between readings: leave such a page's words alone.
    if (this.context.spun) {
      if (!(await loadLanguageModel())) this.context = { ...this.context, spun: false };
      this.slicer.restart();
    }
    await this.slicer.run('warm-up', warmUp(this.context));
  }

  /** Decides the page-level context again; true when it changed, so text repaired under the old one must be repaired again. */
  private async analyseAgain(texts: string[]): Promise<boolean> {
    const before = this.context;
    await this.analyse(texts);
    return before.spun !== this.context.spun || before.traditional !== this.context.traditional;
  }

  /** Loads the Simplified→Traditional tables (injected on demand) and builds the converter in short tasks; false when they cannot be had. */
  private loadTraditionalTables(): Promise<boolean> {
    return loadSimplifiedToTraditional((steps) => {
      this.slicer.restart(); // resumed by the tables' arrival, not by the slicer
      return this.slicer.run('s2t', steps);
    }).then(
      () => true,
      () => false,
    );
  }

  private repairOptions(): RepairOptions {
    return { page: this.context, toTraditional: this.traditionalOutput };
  }

  /** With Traditional output, the page text is read (figures, terms, highlights) folded back to Simplified. */
  private textFold(): ((text: string) => string) | undefined {
    return this.traditionalOutput ? traditionalCharsToSimplified : undefined;
  }

  /**
   * Switches repaired text between Traditional and Simplified characters:
   * loads the tables on first use, repairs every chunk again and re-reads the
   * page. Answers what the page now shows.
   */
  setTraditionalOutput(on: boolean): Promise<boolean> {
    // The popup asks the page and the stored setting's watcher asks again: one change, not two.
    if (this.scriptRequest?.on === on) return this.scriptRequest.done;
    const before = this.scriptRequest?.done;
    const done = (async () => {
      await before?.catch(() => undefined);
      return this.switchScript(on);
    })();
    this.scriptRequest = { on, done };
    void done.finally(() => {
      if (this.scriptRequest?.done === done) this.scriptRequest = null;
    });
    return done;
  }

  private scriptRequest: { on: boolean; done: Promise<boolean> } | null = null;

  private async switchScript(on: boolean): Promise<boolean> {
    if (on === this.traditionalOutput) return on;
    if (on && !(await this.loadTraditionalTables())) return this.traditionalOutput;
    this.traditionalOutput = on;
    this.slicer.restart();
    this.onViewChanged?.();
    await this.repairViews(this.views);
    this.page.fold = this.textFold();
    this.page.refresh();
    this.convertChrome();
    await this.extract();
    this.onTextChanged?.();
    return on;
  }

  /**
   * The page around the report in the script the body is shown in: Simplified
   * on a Traditional page, Traditional when the reader asked for it. Only in
   * the repaired view; the original view shows the page as it came.
   */
  private convertChrome(): void {
    const to = this.traditionalOutput ? 'traditional' : this.context.traditional ? 'simplified' : null;
    this.write(() => {
      if (!to || !this.repaired) this.chrome.restore();
      else this.chrome.apply((text) => convertScript(text, to, Boolean(this.context.traditional)));
    });
  }

  /**
   * A Traditional→Simplified or Simplified→Traditional change made because the
   * reader chose Traditional output: a conversion they asked for, not a
   * repair, so it is neither marked nor counted.
   */
  isConversion(f: Fix): boolean {
    return f.conversion === true;
  }

  private async repairViews(views: ChunkView[]): Promise<void> {
    for (const v of views) {
      for (const n of v.chunk.nodes) this.known.add(n);
      const before = v.chunk.nodes.map((n) => n.nodeValue);
      let result = await this.slicer.run('repair', repairInSteps(v.chunk.text, this.repairOptions()));
      // The repair ran across tasks: if the page changed a node meanwhile, its text is the new original.
      const changed = v.chunk.nodes.filter((n, i) => n.nodeValue !== before[i]);
      if (changed.length) {
        for (const n of changed) v.adoptPageText(n);
        result = repair(v.chunk.text, this.repairOptions());
      }
      v.setRepair(result);
      v.layout(this.repaired);
      this.write(() => v.write());
      await this.slicer.step('repair');
    }
  }

  /**
   * Finds figures, terms and pledges in the canonical text, slice by slice
   * (yielding between slices) with the whole page's sections and glossary,
   * then rebuilds the marks.
   */
  extract(): Promise<void> {
    this.slicer.restart();
    return this.extractSlices();
  }

  private async extractSlices(): Promise<void> {
    if (this.glossary && (await this.glossary)) {
      this.slicer.restart(); // resumed by the data script's arrival, not by the slicer
      await this.slicer.run('glossary', compileBuiltinInSteps());
    }
    const text = this.page.text;
    this.reportGlossary = parseReportGlossary(text);
    const sections = findSections(text);
    const terms: Term[] = [];
    const figures: Figure[] = [];
    for (const [a, b] of slices(text, EXTRACT_SLICE)) {
      const slice = text.slice(a, b);
      const local = sections.map((s) => ({ ...s, start: s.start - a, end: s.end - a }));
      const sliceTerms = findTerms(slice, { user: this.userGlossary, report: this.reportGlossary });
      // A number inside a slogan term (十四五, 4+4+6) is the term's, not a figure (see dropFiguresInsideTerms).
      const sliceFigures = dropFiguresInsideTerms(extractFigures(slice, { sections: local }), sliceTerms);
      terms.push(...sliceTerms.map((t) => ({ ...t, start: t.start + a, end: t.end + a })));
      figures.push(...sliceFigures.map((f) => shift(f, a)));
      await this.slicer.step('extract');
    }
    // Pledges need the whole page's outline (heading path, plan parts): one pass over the page, in steps.
    const pledgeStart = performance.now();
    // Marks for the benchmark's trace: it times every task between them.
    performance.mark('govlens-pledges-start');
    const outline = await this.slicer.run('pledges', buildOutlineInSteps(text));
    const pledges = await this.slicer.run('pledges', extractPledgesInSteps(text, { figures, outline }));
    this.slicer.record('pledges');
    performance.mark('govlens-pledges-end');
    this.timings.pledges = Math.round((performance.now() - pledgeStart) * 10) / 10;
    this.outline = outline;
    this.terms = terms;
    this.figures = figures;
    this.pledges = pledges;
    await this.rebuildMarks();
  }

  rebuildMarks(): Promise<void> {
    const marks: Mark[] = [];
    this.views.forEach((v, vi) => {
      const base = this.page.offsets[vi];
      v.fixes.forEach((f, fi) => {
        if (this.isConversion(f)) return;
        const r = v.canonical.ranges[fi];
        const shownLen = r.end - r.start;
        // A fix showing nothing (a deleted annotation) still gets a one-character mark before it.
        const start = base + (shownLen ? r.start : Math.max(0, r.start - 1));
        const end = base + (shownLen ? r.end : r.start);
        marks.push({ type: 'fix', layer: f.state === 'suggested' ? 'suggestion' : 'fix', start, end, view: vi, fix: fi });
      });
    });
    this.figures.forEach((figure, index) => marks.push({ type: 'figure', layer: figureLayer(figure), start: figure.start, end: figure.end, figure, index }));
    this.terms.forEach((term, index) => marks.push({ type: 'term', layer: 'term', start: term.start, end: term.end, term, index }));
    this.pledges.forEach((pledge, index) => marks.push({ type: 'pledge', layer: 'pledge', start: pledge.start, end: pledge.end, pledge, index }));
    this.marks = [...marks.filter((m) => m.type !== 'annotation' && m.type !== 'shared'), ...this.marks.filter((m) => m.type === 'annotation' || m.type === 'shared')];
    return this.paint();
  }

  /** Replaces the reader's highlights and the shared sources' notes (the two layers a reader's data paints). */
  setAnnotationMarks(marks: Mark[]): Promise<void> {
    this.slicer.restart();
    this.marks = [...this.marks.filter((m) => m.type !== 'annotation' && m.type !== 'shared'), ...marks];
    // Only these layers changed: repainting thousands of figure ranges would be wasted work.
    return this.paint(['user', 'shared']);
  }

  private paintGeneration = 0;

  /**
   * Recreates highlight ranges from marks (after any text write, node offsets
   * change). Range building yields between slices, so a page with thousands
   * of marks never blocks the main thread; a newer paint cancels an older one.
   */
  private userPaintGeneration = 0;

  paint(only?: LayerKind[]): Promise<void> {
    this.setAttributes();
    // A full paint supersedes everything; a user-layer paint only earlier user-layer paints.
    const generation = only ? ++this.userPaintGeneration : ++this.paintGeneration;
    // A full paint also redraws the user layer, so it supersedes earlier user-layer paints.
    if (!only) ++this.userPaintGeneration;
    return this.paintSlices(generation, only);
  }

  private async paintSlices(generation: number, only?: LayerKind[]): Promise<void> {
    const current = () => (only ? generation === this.userPaintGeneration : generation === this.paintGeneration);
    const marks = only ? this.marks.filter((m) => only.includes(m.layer)) : this.marks;
    const userGeneration = this.userPaintGeneration;
    this.layers.reset(only);
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i];
      if (!this.isPainted(m)) continue;
      // A user-layer paint that started after this one owns that layer now.
      if ((m.layer === 'user' || m.layer === 'shared') && userGeneration !== this.userPaintGeneration) continue;
      const r = this.page.range(this.doc, m.start, m.end);
      if (r) this.layers.add(m.layer, r, m.type === 'annotation' ? m.record.color : undefined);
      if ((i & 63) === 0) {
        await this.slicer.step('paint');
        if (!current()) return;
      }
    }
    this.slicer.record('paint');
  }

  /** Whether a mark is drawn in the current view (and so can be hovered). */
  isPainted(m: Mark): boolean {
    if (m.type === 'fix') {
      // In the original view, suggested fixes still show where a repair would go.
      if (!this.repaired && m.layer === 'fix') return false;
      return this.views[m.view]?.fixes[m.fix]?.state !== 'undone';
    }
    return this.repaired || m.type === 'annotation' || m.type === 'shared';
  }

  /** Switches the whole page between repaired and original text. */
  toggle(repaired = !this.repaired): boolean {
    this.slicer.restart();
    this.repaired = repaired;
    this.onViewChanged?.();
    this.write(() => {
      for (const v of this.views) {
        v.layout(repaired);
        v.write();
      }
    });
    this.convertChrome();
    void this.paint();
    return this.repaired;
  }

  /** Undo, re-apply, accept or dismiss one fix. */
  setFixState(view: number, fix: number, state: 'applied' | 'undone' | 'accepted' | 'suggested'): void {
    const v = this.views[view];
    if (!v?.fixes[fix]) return;
    this.slicer.restart();
    v.fixes[fix] = { ...v.fixes[fix], state };
    v.layout(this.repaired);
    this.write(() => v.write());
    void this.paint();
  }

  private write(fn: () => void): void {
    // Our own writes must not wake our observer (or loop with the page's).
    this.observer?.disconnect();
    try {
      fn();
    } finally {
      if (this.observer) {
        this.observer.takeRecords();
        this.connect();
      }
    }
  }

  private observe(): void {
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          r.addedNodes.forEach((n) => this.pending.add(n));
          if (r.removedNodes.length) this.removals = true;
        } else if (r.type === 'characterData' && r.target.nodeType === Node.TEXT_NODE) this.pending.add(r.target);
      }
      if (this.pending.size || this.removals) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.processPending(), MUTATION_DEBOUNCE_MS);
      }
    });
    this.connect();
  }

  private connect(): void {
    this.observer?.observe(this.doc.body ?? this.doc.documentElement, { childList: true, characterData: true, subtree: true });
  }

  /**
   * Drops the text the page removed for good (an SPA replacing its article),
   * so figures, terms and the page text follow what is on screen. Done when
   * the debounced mutations are handled, so a node the page only moved is
   * connected again by then and kept.
   */
  private pruneDetached(): boolean {
    const kept = this.views.filter((v) => v.chunk.nodes.some((n) => n.isConnected));
    if (kept.length === this.views.length) return false;
    // In place: PageText holds this array.
    this.views.splice(0, this.views.length, ...kept);
    return true;
  }

  /** Repairs text the page added after load (lazy loading, "read more", SPA navigation) and forgets text it removed. */
  async processPending(): Promise<void> {
    this.slicer.restart();
    const pruned = this.removals && this.pruneDetached();
    this.removals = false;
    const added = [...this.pending];
    this.pending.clear();
    const nodes: Text[] = [];
    const rewritten = new Set<ChunkView>();
    for (const n of added) {
      if (!n.isConnected) continue;
      if (n.nodeType === Node.TEXT_NODE) {
        if (this.known.has(n as Text)) {
          // The page rewrote one of ours (our own writes are not observed): its text is the new original.
          const view = this.views.find((v) => v.adoptPageText(n as Text));
          if (view) rewritten.add(view);
          continue;
        }
        if (insideSkipped(n, this.doc.body)) continue;
        if ((n.nodeValue ?? '').trim()) nodes.push(n as Text);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const el = n as Element;
        if (isSkippedElement(el) || el.closest(`[${UI_HOST_ATTR}]`) || insideSkipped(el, this.doc.body)) continue;
        nodes.push(...collectTextNodes(el, this.known));
      }
    }
    if (!nodes.length && !rewritten.size && !pruned) return;
    const views = buildChunks(nodes).map((c) => new ChunkView(c));
    const addedChars = views.reduce((n, v) => n + v.chunk.text.length, 0);
    // A new article (SPA navigation, a long "read more") may be damaged differently: decide again.
    if (pruned || addedChars >= REANALYSE_CHARS || this.doc.location.href !== this.analysedUrl) {
      if (await this.analyseAgain([...this.views, ...views].map((v) => v.chunk.text))) this.views.forEach((v) => rewritten.add(v));
    }
    if (rewritten.size) await this.repairViews([...rewritten]);
    await this.repairViews(views);
    this.views.push(...views);
    this.page.refresh();
    await this.extract();
    this.onTextChanged?.();
  }

  fixCounts(): { fixes: number; suggestions: number; kinds: Partial<Record<RepairKind, number>> } {
    let fixes = 0;
    let suggestions = 0;
    const kinds: Partial<Record<RepairKind, number>> = {};
    for (const v of this.views)
      for (const f of v.fixes) {
        if (this.isConversion(f)) continue;
        if (f.state === 'suggested') suggestions++;
        else if (f.state !== 'undone') {
          fixes++;
          kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
        }
      }
    return { fixes, suggestions, kinds };
  }

  setAttributes(): void {
    const html = this.doc.documentElement;
    const { fixes } = this.fixCounts();
    html.setAttribute('data-govlens', 'report');
    html.setAttribute('data-govlens-fixes', String(fixes));
    // Dates count: the side panel lists them with the other figures, and the two numbers should agree.
    html.setAttribute('data-govlens-figures', String(this.figures.length));
    html.setAttribute('data-govlens-terms', String(this.terms.length));
    html.setAttribute('data-govlens-pledges', String(this.pledges.length));
    html.setAttribute('data-govlens-view', this.repaired ? 'repaired' : 'original');
  }

  state(extra: { annotations: number; orphans: number; shared?: number }): PageState {
    const { fixes, suggestions, kinds } = this.fixCounts();
    return {
      url: this.doc.location.href,
      isReport: this.detection.isReport,
      score: this.detection.score,
      signals: this.detection.signals,
      active: true,
      showingRepaired: this.repaired,
      fixes,
      fixKinds: kinds,
      suggestions,
      figures: this.figures.length,
      terms: this.terms.length,
      pledges: this.pledges.length,
      annotations: extra.annotations,
      orphans: extra.orphans,
      shared: extra.shared ?? 0,
      layers: this.layers.visibility(),
      siteMode: this.siteMode,
      traditional: this.traditionalOutput,
      repairMarks: this.layers.repairMarks,
    };
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.layers.dispose();
  }
}
