// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { DamageKind } from '../../src/core/detect/types';
import { Engine } from '../../src/page/engine';
import { publishLanguageModel } from '../../src/page/language-model-script';
import type { Chunk } from '../../src/page/text-index';
import { documentOrder, orderByDistance, readingOrder, type ReadingOrder } from '../../src/page/viewport';
import { loadPages, readPageHtml, type PageEntry } from '../support/pages';

// What lm.js sets, as the background would have injected it on a spun page.
publishLanguageModel();

const seeds = loadPages().filter((p) => p.seed !== null);
const engines: Engine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

function documentOf(entry: PageEntry): Document {
  const window = new Window({ url: entry.url });
  window.document.write(readPageHtml(entry));
  return window.document as unknown as Document;
}

interface Run {
  engine: Engine;
  doc: Document;
  /** The chunks' nodes as they were when the first marks were painted. */
  atFirstMarks: string[][] | null;
}

async function run(entry: PageEntry, viewportFirst: boolean, order?: (chunks: readonly Chunk[]) => ReadingOrder, hint: DamageKind[] = []): Promise<Run> {
  const doc = documentOf(entry);
  const engine = new Engine(doc, { viewportFirst, readingOrder: async (_doc, chunks) => order!(chunks) });
  engines.push(engine);
  engine.hint = hint;
  const out: Run = { engine, doc, atFirstMarks: null };
  engine.onFirstMarks = () => {
    out.atFirstMarks = engine.views.map((v) => v.chunk.nodes.map((n) => n.nodeValue ?? ''));
  };
  await engine.start();
  return out;
}

/** Everything a reader can see or save: the text shown, the repairs, and every figure, term and pledge. */
function result({ engine, doc }: Run) {
  const strip = <T extends object>(x: T) => JSON.parse(JSON.stringify(x));
  return {
    body: doc.body.textContent,
    pageText: engine.page.text,
    fixes: strip(engine.views.map((v) => v.fixes)),
    figures: strip(engine.figures),
    terms: strip(engine.terms),
    pledges: strip(engine.pledges),
    marks: engine.marks.map((m) => [m.type, m.layer, m.start, m.end]),
  };
}

/** Chunks in view in the middle of the page, the rest farthest first: nothing like the page's own order. */
const middleFirst = (chunks: readonly Chunk[]): ReadingOrder => {
  const mid = Math.floor(chunks.length / 2);
  return { near: [mid], rest: chunks.map((_, i) => i).filter((i) => i !== mid).reverse() };
};

describe('the part in view first (issue #14)', () => {
  for (const entry of seeds) {
    it(`seed ${entry.seed}: the same text, repairs, figures, terms and pledges as a whole-page run`, async () => {
      const whole = result(await run(entry, false));
      expect(whole.figures.length + whole.terms.length).toBeGreaterThan(0);
      // In view: the middle of the page; the sample's guess wrong both ways (Traditional on a Simplified page and the reverse).
      const wrongGuess: DamageKind[] = entry.seed === '001' ? [] : ['traditional'];
      const first = await run(entry, true, middleFirst, wrongGuess);
      expect(result(first)).toEqual(whole);
      const top = await run(entry, true, documentOrder, entry.seed === '001' ? ['traditional'] : []);
      expect(result(top)).toEqual(whole);
    });
  }

  it('marks the chunks in view before the rest is repaired', async () => {
    // Seed 001: Traditional characters with pinyin everywhere, so every chunk changes when repaired.
    const entry = seeds.find((p) => p.seed === '001')!;
    const r = await run(entry, true, middleFirst, ['traditional']);
    const chunks = r.engine.views.length;
    expect(chunks).toBeGreaterThan(1);
    const mid = Math.floor(chunks / 2);
    const originals = r.engine.views.map((v) => v.chunk.originals);
    const shown = r.atFirstMarks!;
    expect(shown[mid]).not.toEqual(originals[mid]);
    shown.forEach((nodes, i) => {
      if (i !== mid) expect(nodes, `chunk ${i}`).toEqual(originals[i]);
    });
  });

  it('changes a chunk in view once, in one task, when the whole page overturns the guess', async () => {
    // Seed 004 is spun: the chunks in view are first shown with no spun repair (the model and the
    // whole-page verdict come after), then repaired again. All of it in one mutation batch.
    const entry = seeds.find((p) => p.seed === '004')!;
    const doc = documentOf(entry);
    const engine = new Engine(doc, { readingOrder: async (_d, c) => documentOrder(c) });
    engines.push(engine);
    const batches: number[] = [];
    let watching: MutationObserver | null = null;
    engine.onFirstMarks = () => {
      const near = new Set(engine.views.slice(0, documentOrder(engine.views.map((v) => v.chunk)).near.length).flatMap((v) => v.chunk.nodes));
      watching = new (doc.defaultView as unknown as typeof globalThis).MutationObserver((records) => {
        const n = records.filter((rec) => near.has(rec.target as Text)).length;
        if (n) batches.push(n);
      });
      watching.observe(doc.body, { characterData: true, subtree: true });
    };
    await engine.start();
    await new Promise((r) => setTimeout(r, 0));
    (watching as MutationObserver | null)?.disconnect();
    expect(engine.context.spun).toBe(true);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toBeGreaterThan(0);
  });
});

describe('reading order', () => {
  const extent = (top: number, bottom: number) => ({ top, bottom });
  it('puts chunks overlapping the viewport and the screen below first, the rest by distance, hidden ones last', () => {
    const order = orderByDistance([extent(-3000, -2000), extent(-100, 400), extent(500, 1700), extent(1900, 2500), null, extent(5000, 6000)], 1800);
    expect(order).toEqual({ near: [1, 2], rest: [3, 0, 5, 4] });
  });
  it('falls back to the opening of the page when nothing is laid out in the band', () => {
    expect(orderByDistance([null, null], 1800)).toEqual({ near: [0], rest: [1] });
    expect(orderByDistance([extent(4000, 5000), extent(3000, 3500)], 1800)).toEqual({ near: [1], rest: [0] });
  });
  it('reads where each chunk sits from its boxes at once, without waiting for the browser', () => {
    const window = new Window({ width: 1000, height: 900 });
    const doc = window.document as unknown as Document;
    const tops = [-2500, 100, 1200, 3000];
    const chunks = tops.map((top, i) => {
      const p = doc.createElement('p');
      p.textContent = `第${i}段`;
      doc.body.appendChild(p);
      // happy-dom lays nothing out: each paragraph's box is given.
      p.getBoundingClientRect = () => ({ top, bottom: top + 300, width: 800, height: 300 }) as DOMRect;
      return { nodes: [p.firstChild as Text], text: p.textContent } as unknown as Chunk;
    });
    // The viewport (900) and a screen below it: chunks 1 and 2; then 3 (1,200 below the band), then 0 (2,200 above).
    expect(readingOrder(doc, chunks)).toEqual({ near: [1, 2], rest: [3, 0] });
  });
});
