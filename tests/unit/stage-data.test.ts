// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { READINGS } from '../../src/core/data/readings';
import { MissingStageData, requireStageData } from '../../src/core/stage-data';
import { expectDataScripts, provideInjectedStageData } from '../../src/page/data-scripts';
import { Engine } from '../../src/page/engine';
import { documentOrder } from '../../src/page/viewport';
import { loadPages, readPageHtml } from '../support/pages';

describe('stage tables loaded on demand (src/core/stage-data.ts)', () => {
  it('a stage asking for a table the page has not loaded stops with MissingStageData', () => {
    provideInjectedStageData();
    expect(() => requireStageData('readings')).toThrow(MissingStageData);
  });

  it('the engine loads the table the pinyin stage asked for and repairs the chunk again', async () => {
    // As on the page: the tables come from the data scripts' globals, which are not there yet.
    provideInjectedStageData();
    expectDataScripts(['readings']);
    const entry = loadPages().find((p) => p.seed === '001')!;
    const window = new Window({ url: entry.url });
    window.document.write(readPageHtml(entry));
    const doc = window.document as unknown as Document;
    const engine = new Engine(doc, { readingOrder: async (_d, chunks) => documentOrder(chunks) });
    // readings.js arrives once the engine waits for it (it has hooked __govlensOnData), as an injected script would.
    let asked = false;
    const poll = setInterval(() => {
      if (!globalThis.__govlensOnData) return;
      clearInterval(poll);
      asked = true;
      globalThis.__govlensReadings = READINGS;
      globalThis.__govlensOnData('readings');
    }, 1);
    await engine.start();
    clearInterval(poll);
    engine.dispose();
    expect(asked).toBe(true);
    // Inline pinyin after a character, as seed 001 has it everywhere (擴(kuò)): gone once repaired.
    const PINYIN = /[\u3400-\u9fff]\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*)+\)/;
    expect(engine.views.flatMap((v) => v.chunk.originals).join('')).toMatch(PINYIN);
    expect(doc.body.textContent ?? '').not.toMatch(PINYIN);
  });
});
