import type { DamageKind } from '../core/detect/types';
import type { Figure } from '../core/figures/types';
import { compileBuiltinInSteps, explainBuiltinInSteps, markBuiltinExplanationsUnavailable } from '../core/glossary';
import type { GlossaryEntry, Term } from '../core/glossary/types';
import type { Outline } from '../core/pledges';
import type { Pledge } from '../core/pledges/types';
import { analysePageInSteps, repair, repairInSteps, warmStageDataInSteps, warmUp, type RepairOptions, type RepairResult } from '../core/repair';
import { loadSimplifiedToTraditional, traditionalCharsToSimplified } from '../core/repair/traditional/script';
import { convertScript } from '../core/repair/traditional/convert-text';
import type { Fix } from '../core/fix-set';
import type { PageContext, RepairKind } from '../core/repair/types';
import type { LayerKind, PageState, SiteMode } from '../shared/messages';
import { HighlightLayers } from './highlights';
import { PageChrome } from './page-chrome';
import { LAYER_ORDER } from '../ui/common/colors';
import { pageInputs, placeMarks, readChunkInSteps, readingKey, type ChunkMarks, type PageInputs } from './extract';
import { readingOrder, type ReadingOrder } from './viewport';
import { figureLayer, type Mark } from './marks';
import { ChunkView, PageText } from './page-text';
import { loadBuiltinGlossary, loadGlossaryExplanations, loadLanguageModel, loadPledgeReader, loadStageData, prefetchDataScripts } from './data-scripts';
import type { PledgeReader } from './pledge-reader';
import { MissingStageData } from '../core/stage-data';
import { nextTask, TaskSlicer } from './slicer';
import { runSteps, type Steps } from '../core/steps';
import { findMainRootInSteps, reportHeader } from './main-content';
import { buildChunks, collectTextNodes, collectTextNodesInSteps, type Chunk } from './text-index';
import { insideSkipped, isSkippedElement, UI_HOST_ATTR } from './skip';

/**
 * Longest stretch of work before yielding to the page. Well under the 50 ms
 * long-task line: on a busy machine a task's wall time can run to twice its CPU time.
 */
const SLICE_MS = 8;
/**
 * Pledge extraction's steps are short (under 2 ms on the 1 MB bench page) but allocate a clause's features
 * each, and the collections they cause made its tasks reach 18–20 ms on that page with the full budget.
 */
const PLEDGE_SLICE_MS = 4;
/** The same for compiling the built-in glossary (tens of thousands of trie nodes and typed arrays): at 8 ms its tasks reached 16–17 ms with the collections they triggered. */
const GLOSSARY_SLICE_MS = 4;
/** Highlight ranges made between two budget checks (a few hundred fit in a millisecond or two). */
const RANGES_PER_STEP = 100;
/** The reader's marks placed in their chunks between two budget checks. */
const MARKS_PER_STEP = 500;
const MUTATION_DEBOUNCE_MS = 150;
/** A page that never goes quiet (a clock, a ticker) still has its new text handled, this long after the first change at most. */
const MUTATION_MAX_WAIT_MS = 1_000;
/** Characters of added text that make the page-level context be decided again. */
const REANALYSE_CHARS = 2_000;

export interface EngineOptions {
  /**
   * Repair and mark the chunks in view first (default). Off, the engine
   * works through the page top to bottom and marks it when all is read:
   * the "whole-page run" the viewport-first result must equal.
   */
  viewportFirst?: boolean;
  /** Where the chunks are (tests without layout give their own). */
  readingOrder?: (doc: Document, chunks: readonly Chunk[]) => ReadingOrder | Promise<ReadingOrder>;
}

const ALL_LAYERS: readonly LayerKind[] = LAYER_ORDER;
/** The paint key of a chunk whose ranges no longer cover its text (a paint key always holds a '|'). */
const STALE_PAINT = 'stale';

/** Page-level decisions that change how a chunk is repaired. */
const sameContext = (a: PageContext, b: PageContext) => Boolean(a.spun) === Boolean(b.spun) && Boolean(a.traditional) === Boolean(b.traditional);

/**
 * The in-page engine: repairs the report's text nodes in place, keeps the
 * originals for exact restoration, and marks figures, terms and pledges.
 *
 * The part of the page in view comes first (start()): the chunks in the
 * viewport and a screen below it are repaired under the page-level guess the
 * detection sample allows and marked at once; then the page-level analysis
 * reads the whole page, the rest is repaired nearest first, and the whole
 * page is read for its marks. A chunk in view whose repair or marks the
 * whole page changes is written and marked again once, in one task.
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
  /** The pledge reader, once pledges.js has arrived (the side panel's follow-up reads a later report with it). */
  pledgeReader: PledgeReader | null = null;
  reportGlossary: GlossaryEntry[] = [];
  repaired = true;
  context: PageContext = {};
  userGlossary: GlossaryEntry[] = [];
  /** The reader's glossary on its way from the background: awaited before the first reading for terms. */
  userGlossaryArriving: Promise<GlossaryEntry[]> | undefined;
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
  /** When the oldest change not yet handled was seen (0: none waiting). */
  private pendingSince = 0;
  /** The handling of changes under way: the next one waits for it, so two never interleave. */
  private processing: Promise<void> = Promise.resolve();
  /** The background's verdict on the page's sample (src/page/verdict.ts), for the popup. */
  detection = { isReport: false, score: 0, signals: [] as string[] };
  /** Damage the background saw in the page's sample: the page-level guess for the chunks in view. */
  hint: DamageKind[] = [];
  /** Called once, when the part of the page in view is repaired and marked. */
  onFirstMarks?: () => void;
  /** Called after text the page added or rewrote has been repaired and marked (positions have moved). */
  onTextChanged?: () => void;
  /** Repaired text is shown in Traditional characters (the reader's preference); see setTraditionalOutput. */
  traditionalOutput = false;
  /** Yields between units of work; its longest tasks go to the benchmark. */
  readonly slicer = new TaskSlicer(SLICE_MS);
  private readonly viewportFirst: boolean;
  private readonly readingOrder: NonNullable<EngineOptions['readingOrder']>;
  /** Each chunk's last reading (its key says what it depended on) and the highlight ranges painted for it. */
  private readings = new WeakMap<ChunkView, { key: string; marks: ChunkMarks }>();
  private painted = new Map<ChunkView, { key: string; ranges: Map<LayerKind, Range[]> }>();
  /** Marks of each chunk, as rebuildMarks() placed them. */
  private marksByView = new Map<ChunkView, Mark[]>();
  /** The page around the report body, shown in the reader's script. */
  readonly chrome: PageChrome;
  /** Called when what the page shows changes under the reader (original/repaired, script): open cards are stale. */
  onViewChanged?: () => void;

  constructor(
    readonly doc: Document,
    options: EngineOptions = {},
  ) {
    this.layers = new HighlightLayers(doc);
    this.viewportFirst = options.viewportFirst ?? true;
    this.readingOrder = options.readingOrder ?? readingOrder;
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
    // The script's evaluation (parse and module set-up, 30–50 ms on a slow machine) is a task of its own:
    // started in it, the first slice of the work would lengthen the longest task GovLens runs.
    await nextTask();
    this.slicer.restart();
    this.root = await this.slicer.run('find-root', findMainRootInSteps(this.doc));
    await this.slicer.yield('find-root');
    const header = reportHeader(this.doc, this.root);
    const nodes = [...header.flatMap((el) => collectTextNodes(el, this.known)), ...(await this.slicer.run('collect', collectTextNodesInSteps(this.root, this.known)))];
    const chunks = buildChunks(nodes);
    const views = chunks.map((c) => new ChunkView(c));
    this.views.push(...views);
    this.page = new PageText(this.views, this.textFold());
    lap('collect');
    // Each phase gets its own task, so a long page never blocks the main thread for long.
    await this.slicer.yield('collect');
    // Positions are read before GovLens adds its style sheet, which would make the browser lay the page out again.
    const order = this.viewportFirst ? await this.readingOrder(this.doc, chunks) : { near: [], rest: views.map((_, i) => i) };
    this.layers.install();
    const near = order.near.map((i) => views[i]);
    const rest = order.rest.map((i) => views[i]);
    this.order = [...near, ...rest].map((v) => v.chunk);
    if (this.traditionalOutput) this.traditionalOutput = await this.loadTraditionalTables();
    if (near.length) {
      await this.markFirst(near);
      lap('first-marks');
      this.onFirstMarks?.();
    }
    // What the rest of the page needs, asked for once the part in view is marked (see prefetchDataScripts).
    prefetchDataScripts(this.hint.includes('spun') ? ['glossary-text', 'pledges', 'lm'] : ['glossary-text', 'pledges']);
    if (near.length) await this.slicer.yield('first-marks');
    // The page-level decisions, from the whole page, as a whole-page run makes them.
    const guess = this.context;
    await this.analyse(chunks.map((c) => c.text));
    lap('analyse');
    await this.slicer.yield('warm-up');
    await this.repairViews(rest);
    // Chunks in view repaired under a guess the whole page overturned are repaired again, not yet shown.
    if (!sameContext(guess, this.context)) await this.repairUnshown(near);
    // Mojibake hides a page's other damage from the analysis (the spinner's forms, Traditional
    // characters): once it is decoded, look again, and repair again if that changes the verdict.
    if (this.views.some((v) => v.fixes.some((f) => f.kind === 'mojibake'))) {
      if (await this.analyseAgain(this.views.map((v) => v.canonical.text))) {
        await this.repairViews(rest);
        await this.repairUnshown(near.map((v) => this.viewOf(v.chunk) ?? v));
      }
    }
    this.page.refresh();
    this.convertChrome();
    lap('repair');
    await this.slicer.yield('repair');
    await this.readAll();
    if (!near.length) this.onFirstMarks?.();
    lap('extract+paint');
    this.observe();
  }

  /**
   * The chunks in view, repaired and marked before anything else: under the
   * damage the detection sample showed (Traditional characters; a spun page
   * waits for the whole-page verdict and its model), with the sections and
   * glossary of the page as it is now.
   */
  private async markFirst(near: ChunkView[]): Promise<void> {
    this.context = { traditional: this.hint.includes('traditional'), spun: false };
    await this.slicer.run('warm-up', warmUp(this.context));
    await this.repairViews(near);
    this.page.refresh();
    await this.readViews(near, await this.inputs(false));
    await this.rebuildMarkList();
    for (const v of near) {
      this.paintView(v);
      await this.slicer.step('paint');
    }
    this.setAttributes();
  }

  /**
   * Repairs chunks that are on show again under the current context without
   * touching the page: each gets a new view, swapped in for the old one, and
   * written with the whole page's marks in one task (see readAll).
   */
  private async repairUnshown(views: ChunkView[]): Promise<void> {
    for (const old of views) {
      const i = this.views.indexOf(old);
      if (i < 0) continue;
      const result = await this.repairText(old.chunk.text);
      const view = new ChunkView(old.chunk);
      view.setRepair(result);
      view.layout(this.repaired);
      this.views[i] = view;
      // The view whose ranges are painted, even if `old` was itself not yet written.
      this.unwritten.set(view, this.unwritten.get(old) ?? old);
      this.unwritten.delete(old);
      await this.slicer.step('repair');
    }
  }

  /** Views computed but not yet written, with the view they replace (whose ranges are still painted). */
  private unwritten = new Map<ChunkView, ChunkView>();
  /** Chunks in the order they were repaired and are painted: nearest the viewport first. */
  private order: Chunk[] = [];

  private viewOf(chunk: Chunk): ChunkView | undefined {
    return this.views.find((v) => v.chunk === chunk);
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
    return !sameContext(before, this.context);
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
   * Repairs one chunk's text (in steps unless `stepwise` is false). A stage
   * that needs a table the page has not loaded (stage-data.ts) stops the
   * repair; the table is loaded and the chunk repaired again.
   */
  private async repairText(text: string, stepwise = true): Promise<RepairResult> {
    for (;;) {
      try {
        return stepwise ? await this.slicer.run('repair', repairInSteps(text, this.repairOptions())) : repair(text, this.repairOptions());
      } catch (err) {
        if (!(err instanceof MissingStageData)) throw err;
        await loadStageData(err.data);
        this.slicer.restart(); // resumed by the data script's arrival
        await this.slicer.run('repair', warmStageDataInSteps(err.data));
      }
    }
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
      let result: RepairResult = await this.repairText(v.chunk.text);
      // The repair ran across tasks: if the page changed a node meanwhile, its text is the new original.
      const changed = v.chunk.nodes.filter((n, i) => n.nodeValue !== before[i]);
      if (changed.length) {
        for (const n of changed) v.adoptPageText(n);
        result = await this.repairText(v.chunk.text, false);
      }
      v.setRepair(result);
      v.layout(this.repaired);
      let written = 0;
      this.write(() => (written = v.write()));
      // A text node written anew collapses the ranges painted on it: the chunk is painted again (readAll),
      // even where its reading is the same (a switch to Traditional output reads the same folded text).
      const painted = this.painted.get(v);
      if (written && painted) painted.key = STALE_PAINT;
      await this.slicer.step('repair');
    }
  }

  /**
   * The page-level inputs of reading, from the page text as it is now. The first marks read the built-in
   * entries without their explanations (`explained` false); every later reading waits for them.
   */
  private async inputs(explained = true): Promise<PageInputs> {
    if (this.glossary && (await this.glossary)) {
      this.slicer.restart(); // resumed by the data script's arrival, not by the slicer
      if (explained && (await loadGlossaryExplanations())) {
        this.slicer.restart();
        await this.slicer.run('glossary', explainBuiltinInSteps(), GLOSSARY_SLICE_MS);
      } else if (explained) {
        this.slicer.restart();
        markBuiltinExplanationsUnavailable(); // their cards say there is no explanation, and offer to add one
      }
      await this.slicer.run('glossary', compileBuiltinInSteps(), GLOSSARY_SLICE_MS);
    }
    if (this.userGlossaryArriving) {
      this.userGlossary = await this.userGlossaryArriving;
      this.userGlossaryArriving = undefined;
      this.slicer.restart(); // resumed by the reply, not by the slicer
    }
    const inputs = pageInputs(this.page.text, this.userGlossary);
    await this.slicer.step('extract');
    return inputs;
  }

  /** Reads each view's marks (see extract.ts), again only where its text or the page inputs it depends on changed. */
  private async readViews(views: ChunkView[], inputs: PageInputs): Promise<void> {
    this.reportGlossary = inputs.report;
    for (const v of views) {
      const i = this.views.indexOf(v);
      if (i < 0) continue;
      const start = this.page.offsets[i];
      const text = this.page.text.slice(start, start + v.canonical.text.length);
      const key = readingKey(text, start, inputs);
      if (this.readings.get(v)?.key !== key) {
        this.readings.set(v, { key, marks: await this.slicer.run('extract', readChunkInSteps(text, start, inputs)) });
        await this.slicer.step('extract');
      }
    }
  }

  /**
   * The whole page read with the whole page's inputs, then painted nearest
   * first. A chunk already painted is painted again only if its marks
   * changed; chunks in view repaired again are written in the same task as
   * their new marks (one change where the reader looks).
   */
  private async readAll(): Promise<void> {
    const current = new Set(this.views);
    for (const v of [...this.painted.keys()]) if (!current.has(v)) this.forgetPaint(v);
    // Nearest first, then anything the page added since.
    const byChunk = new Map(this.views.map((v) => [v.chunk, v]));
    const ordered = [...new Set([...this.order.flatMap((c) => byChunk.get(c) ?? []), ...this.views])];
    await this.readViews(ordered, await this.inputs());
    await this.readPledges();
    await this.rebuildMarkList();
    // One task: the chunks in view written again and their new marks painted.
    for (const [view, old] of this.unwritten) {
      this.write(() => view.write());
      this.paintView(view, undefined, old);
    }
    this.unwritten.clear();
    this.setAttributes();
    for (const v of ordered) {
      if (this.painted.get(v)?.key === this.paintKeys.get(v)) continue;
      this.paintView(v);
      await this.slicer.step('paint');
    }
    this.slicer.record('paint');
  }

  /** Pledges need the whole page's outline (heading path, plan parts): one pass over the page, in steps. */
  private async readPledges(): Promise<void> {
    const text = this.page.text;
    const reader = await loadPledgeReader();
    if (!reader) return;
    this.pledgeReader = reader;
    // A task of its own: the reading before it may have used most of its budget.
    await this.slicer.yield('extract');
    const pledgeStart = performance.now();
    // Marks for the benchmark's trace: it times every task between them.
    performance.mark('govlens-pledges-start');
    const figures = await this.slicer.run('pledges', this.pageFiguresInSteps(), PLEDGE_SLICE_MS);
    const outline = await this.slicer.run('pledges', reader.buildOutlineInSteps(text), PLEDGE_SLICE_MS);
    this.pledges = await this.slicer.run('pledges', reader.extractPledgesInSteps(text, { figures, outline }), PLEDGE_SLICE_MS);
    this.slicer.record('pledges');
    performance.mark('govlens-pledges-end');
    this.timings.pledges = Math.round((performance.now() - pledgeStart) * 10) / 10;
    this.outline = outline;
  }

  /** Every chunk's figures in page coordinates: a few thousand copies on a long page, so in steps. */
  private *pageFiguresInSteps(): Steps<Figure[]> {
    const figures: Figure[] = [];
    for (let i = 0; i < this.views.length; i++) {
      const own = this.readings.get(this.views[i])?.marks.figures ?? [];
      figures.push(...placeMarks({ figures: own, terms: [] }, this.page.offsets[i]).figures);
      if (i % Engine.VIEWS_PER_STEP === Engine.VIEWS_PER_STEP - 1) yield;
    }
    return figures;
  }

  /**
   * Finds figures, terms and pledges in the canonical text, chunk by chunk
   * (yielding between chunks) with the whole page's sections and glossary,
   * then repaints the chunks whose marks changed.
   */
  extract(): Promise<void> {
    this.slicer.restart();
    return this.readAll();
  }

  /** Rebuilds the mark list (and the figure, term and pledge lists) from each chunk's fixes and reading. */
  private rebuildMarkList(): Promise<void> {
    return this.slicer.run('marks', this.markListInSteps());
  }

  /** Views whose marks are placed per step of markListInSteps (placing copies every mark: 26 ms at once on the 1 MB page). */
  private static readonly VIEWS_PER_STEP = 16;

  private *markListInSteps(): Steps<void> {
    const byView = new Map<ChunkView, Mark[]>();
    const figures: Figure[] = [];
    const terms: Term[] = [];
    // Pledges (read over the whole page) go with the chunk they start in.
    const pledgesByView = new Map<ChunkView, Mark[]>();
    this.pledges.forEach((pledge, index) => {
      const v = this.views[this.page.chunkAt(pledge.start)];
      const mark: Mark = { type: 'pledge', layer: 'pledge', start: pledge.start, end: pledge.end, pledge, index };
      if (v) pledgesByView.set(v, [...(pledgesByView.get(v) ?? []), mark]);
    });
    const keys = new Map<ChunkView, string>();
    for (let vi = 0; vi < this.views.length; vi++) {
      const v = this.views[vi];
      const base = this.page.offsets[vi];
      const list: Mark[] = [];
      v.fixes.forEach((f, fi) => {
        if (this.isConversion(f)) return;
        const r = v.canonical.ranges[fi];
        const shownLen = r.end - r.start;
        // A fix showing nothing (a deleted annotation) still gets a one-character mark before it.
        const start = base + (shownLen ? r.start : Math.max(0, r.start - 1));
        const end = base + (shownLen ? r.end : r.start);
        list.push({ type: 'fix', layer: f.state === 'suggested' ? 'suggestion' : 'fix', start, end, view: vi, fix: fi });
      });
      const reading = this.readings.get(v);
      if (reading) {
        const placed = placeMarks(reading.marks, base);
        for (const figure of placed.figures) list.push({ type: 'figure', layer: figureLayer(figure), start: figure.start, end: figure.end, figure, index: figures.push(figure) - 1 });
        for (const term of placed.terms) list.push({ type: 'term', layer: 'term', start: term.start, end: term.end, term, index: terms.push(term) - 1 });
      }
      const pledges = pledgesByView.get(v) ?? [];
      list.push(...pledges);
      // What the chunk's paint depends on: its reading and where its pledges lie in it.
      keys.set(v, `${reading?.key ?? ''}|${pledges.map((m) => `${m.start - base}-${m.end - base}`).join(',')}`);
      byView.set(v, list);
      if (vi % Engine.VIEWS_PER_STEP === Engine.VIEWS_PER_STEP - 1) yield;
    }
    this.figures = figures;
    this.terms = terms;
    this.marksByView = byView;
    this.paintKeys = keys;
    const readersOwn = this.marks.filter((m) => m.type === 'annotation' || m.type === 'shared');
    const marks = [...[...byView.values()].flat(), ...readersOwn];
    this.marks = marks;
    const placed = yield* this.placeAnnotationsInSteps();
    // A newer mark list (the reader's notes set again meanwhile) placed its own.
    if (this.marks === marks) this.annotationsByView = placed;
  }

  /**
   * The reader's highlights and the shared sources' notes by the chunk they lie in (a mark never crosses
   * chunks: page.range refuses it), in steps: ten thousand notes are placed over several tasks on a slow machine.
   */
  private *placeAnnotationsInSteps(): Steps<Map<ChunkView, Mark[]>> {
    const byView = new Map<ChunkView, Mark[]>();
    let placed = 0;
    for (const m of this.marks) {
      if (m.type !== 'annotation' && m.type !== 'shared') continue;
      const v = this.views[this.page.chunkAt(m.start)];
      if (!v) continue;
      const list = byView.get(v);
      if (list) list.push(m);
      else byView.set(v, [m]);
      if (++placed % MARKS_PER_STEP === 0) yield;
    }
    return byView;
  }

  private annotationsByView = new Map<ChunkView, Mark[]>();
  /** What each chunk's marks depend on, as markListInSteps last placed them; a chunk painted under the same key is left alone. */
  private paintKeys = new Map<ChunkView, string>();

  async rebuildMarks(): Promise<void> {
    await this.rebuildMarkList();
    return this.paint();
  }

  /** Replaces the reader's highlights and the shared sources' notes (the two layers a reader's data paints). */
  async setAnnotationMarks(marks: Mark[]): Promise<void> {
    // No slicer.restart() here: the caller is often the tail of a sliced run (re-anchoring ten
    // thousand notes), and restarting the clock mid-task let that task run two budgets long.
    const all = [...this.marks.filter((m) => m.type !== 'annotation' && m.type !== 'shared'), ...marks];
    this.marks = all;
    const byView = await this.slicer.run('paint', this.placeAnnotationsInSteps());
    // Placed over several tasks: a newer mark list (a newer call, or the page's text rebuilt) placed its own.
    if (this.marks !== all) return;
    this.annotationsByView = byView;
    // Only these layers changed: repainting thousands of figure ranges would be wasted work.
    return this.paint(['user', 'shared']);
  }

  /**
   * Replaces one chunk's highlight ranges (all layers, or `only`) with those
   * of its marks, swapped in one task, so the chunk never shows half its marks.
   * `replaces` is a view this one took over from, whose ranges go.
   */
  private paintView(view: ChunkView, only?: LayerKind[], replaces?: ChunkView): void {
    runSteps(this.paintViewInSteps(view, only, replaces));
  }

  /**
   * paintView in steps: the ranges are made in slices (a chunk holding a thousand of the
   * reader's highlights takes longer than one task should), then swapped in at once.
   */
  private *paintViewInSteps(view: ChunkView, only?: LayerKind[], replaces?: ChunkView, current = () => true): Steps<boolean> {
    const fresh = new Map<LayerKind, Range[]>();
    const adds: Array<[LayerKind, Range, string | undefined]> = [];
    let made = 0;
    for (const m of [...(this.marksByView.get(view) ?? []), ...(this.annotationsByView.get(view) ?? [])]) {
      if ((only && !only.includes(m.layer)) || !this.isPainted(m)) continue;
      const r = this.page.range(this.doc, m.start, m.end);
      if (!r) continue;
      adds.push([m.layer, r, m.type === 'annotation' ? m.record.color : undefined]);
      const list = fresh.get(m.layer);
      if (list) list.push(r);
      else fresh.set(m.layer, [r]);
      if (++made % RANGES_PER_STEP === 0) yield;
    }
    // Made over several tasks: the page may have replaced the chunk (its new view gets its own paint), or a
    // newer paint may have started, whose ranges must not be overwritten by these older ones.
    if (made >= RANGES_PER_STEP && (!this.views.includes(view) || !current())) return false;
    const old = this.painted.get(replaces ?? view);
    if (replaces) this.painted.delete(replaces);
    const ranges = new Map(old?.ranges);
    for (const layer of only ?? ALL_LAYERS) {
      const rs = ranges.get(layer);
      if (rs) this.layers.remove(layer, rs);
      ranges.delete(layer);
    }
    for (const [layer, r, color] of adds) this.layers.add(layer, r, color);
    for (const [layer, list] of fresh) ranges.set(layer, list);
    this.painted.set(view, { key: only && old ? old.key : (this.paintKeys.get(view) ?? ''), ranges });
    return true;
  }

  private paintGeneration = 0;
  private userPaintGeneration = 0;

  /**
   * Paints every chunk again (all layers, or `only`), chunk by chunk, each
   * in one task; a newer paint cancels an older one.
   */
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
    const views = new Set(this.views);
    for (const v of [...this.painted.keys()]) if (!views.has(v)) this.forgetPaint(v);
    for (const v of this.views) {
      // A user-layer paint that starts while this one makes a chunk's ranges changes that chunk's
      // highlights under it: the chunk is made again, so older ranges never overwrite newer ones.
      for (;;) {
        const userGeneration = this.userPaintGeneration;
        if (await this.slicer.run('paint', this.paintViewInSteps(v, only, undefined, () => current() && userGeneration === this.userPaintGeneration))) break;
        if (!current()) return;
      }
      await this.slicer.step('paint');
      if (!current()) return;
    }
    this.slicer.record('paint');
  }

  /** Takes a chunk the page removed off the highlights. */
  private forgetPaint(view: ChunkView): void {
    const old = this.painted.get(view);
    if (old) for (const [layer, rs] of old.ranges) this.layers.remove(layer, rs);
    this.painted.delete(view);
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
    // Only this chunk's text moved: its ranges are rebuilt, in the same task as the write.
    this.paintView(v);
    this.setAttributes();
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
        const now = performance.now();
        this.pendingSince ||= now;
        clearTimeout(this.timer);
        const wait = Math.max(0, Math.min(MUTATION_DEBOUNCE_MS, this.pendingSince + MUTATION_MAX_WAIT_MS - now));
        this.timer = setTimeout(() => {
          // A pass that failed must not stop the ones after it (the chain never rejects), and says why.
          this.processing = this.processing
            .then(() => this.processPending())
            .catch((err: unknown) => console.warn('GovLens: reading the text the page added failed', err));
        }, wait);
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
  private pruneDetached(): { pruned: boolean; removedChars: number; shrunk: ChunkView[] } {
    let removedChars = 0;
    const shrunk: ChunkView[] = [];
    const kept = this.views.filter((v) => {
      const before = v.chunk.text.length;
      if (v.dropDetached()) shrunk.push(v);
      else if (!v.chunk.nodes.some((n) => n.isConnected)) {
        removedChars += before;
        return false;
      }
      removedChars += before - v.chunk.text.length;
      return true;
    });
    if (kept.length === this.views.length && !shrunk.length) return { pruned: false, removedChars: 0, shrunk };
    // In place: PageText holds this array.
    this.views.splice(0, this.views.length, ...kept);
    return { pruned: true, removedChars, shrunk };
  }

  /** Repairs text the page added after load (lazy loading, "read more", SPA navigation) and forgets text it removed. */
  async processPending(): Promise<void> {
    this.slicer.restart();
    this.pendingSince = 0;
    const { pruned, removedChars, shrunk } = this.removals ? this.pruneDetached() : { pruned: false, removedChars: 0, shrunk: [] };
    this.removals = false;
    const added = [...this.pending];
    this.pending.clear();
    const nodes: Text[] = [];
    // Chunks that lost a node, or whose node the page rewrote, are repaired again.
    const rewritten = new Set<ChunkView>(shrunk);
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
    // A new article (SPA navigation, a long "read more") may be damaged differently: decide again. A clock's
    // text replaced every second is not a new article.
    if (removedChars >= REANALYSE_CHARS || addedChars >= REANALYSE_CHARS || this.doc.location.href !== this.analysedUrl) {
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
