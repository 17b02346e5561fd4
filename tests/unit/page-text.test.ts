// @vitest-environment happy-dom
// A chunk the page took nodes out of keeps the others, each with the text GovLens first read.
import { describe, expect, it } from 'vitest';
import { ChunkView } from '../../src/page/page-text';
import { buildChunks } from '../../src/page/text-index';

function paragraphs(...texts: string[]): Text[] {
  document.body.innerHTML = '';
  return texts.map((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    document.body.append(p);
    return p.firstChild as Text;
  });
}

describe('ChunkView.dropDetached', () => {
  it('rebuilds the text from the connected nodes\' originals, with the block breaks between them', () => {
    const [a, b, c] = paragraphs('更新时间：14:52:01', '工做报告', '第三段');
    const [chunk] = buildChunks([a, b, c]);
    const view = new ChunkView(chunk);
    expect(chunk.text).toBe('更新时间：14:52:01\n工做报告\n第三段');
    b.data = '工作报告'; // what a repair wrote: not the original
    a.remove();
    expect(view.dropDetached()).toBe(true);
    expect(chunk.nodes).toEqual([b, c]);
    expect(chunk.text).toBe('工做报告\n第三段');
    expect(chunk.starts).toEqual([0, 5]);
    expect(view.canonical.text).toBe('工做报告\n第三段');
  });
  it('leaves a chunk alone when all its nodes are there, or none is', () => {
    const [a, b] = paragraphs('一', '二');
    const [chunk] = buildChunks([a, b]);
    const view = new ChunkView(chunk);
    expect(view.dropDetached()).toBe(false);
    a.remove();
    b.remove();
    expect(view.dropDetached()).toBe(false);
    expect(chunk.text).toBe('一\n二');
  });
});
