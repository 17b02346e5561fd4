// @vitest-environment happy-dom
// Text a page adds after load is handled in passes, one at a time (src/page/engine.ts, observe): a pass that
// throws must not stop the passes after it, nor lose the text it was given.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/page/engine';
import { documentOrder } from '../../src/page/viewport';

async function until(done: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function paragraph(text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
}

describe('passes over text added later', () => {
  it('a pass that fails does not stop the next one, which also reads what the failed one was given', async () => {
    document.body.innerHTML = '';
    paragraph('2025年政府工作报告');
    paragraph('今年经济社会发展的主要预期目标是：国内生产总值增长5%左右。');
    const engine = new Engine(document, { readingOrder: async (_d, chunks) => documentOrder(chunks) });
    await engine.start();
    const passes: string[] = [];
    const pass = engine.processPending.bind(engine);
    engine.processPending = async () => {
      passes.push(passes.length ? 'ran' : 'failed');
      if (passes.length === 1) throw new Error('a pass that fails');
      return pass();
    };
    paragraph('第一段后来加入的文字，城镇新增就业1200万人以上。');
    await until(() => passes.length === 1);
    paragraph('第二段后来加入的文字，粮食产量1.4万亿斤左右。');
    await until(() => engine.page.text.includes('第二段后来加入'));
    engine.dispose();
    expect(passes).toEqual(['failed', 'ran']);
    expect(engine.page.text).toContain('第一段后来加入');
    expect(engine.figures.map((f) => f.text)).toEqual(expect.arrayContaining(['1200万人以上', '1.4万亿斤左右']));
  });
});
