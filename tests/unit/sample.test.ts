import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { samplePage } from '../../src/page/sample';
import { SAMPLE_CHARS } from '../../src/core/detect';

function pageOf(body: string, title = '标题'): Document {
  const window = new Window({ url: 'http://www.example.gov.cn/a.html' });
  window.document.write(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

describe('samplePage', () => {
  it('takes the prose, one line per run of text, without script, style, noscript, select or textarea text', () => {
    const doc = pageOf(`
      <div class="nav">  首页 </div>
      <script>var report = "政府工作报告";</script>
      <style>.x { content: "各位代表"; }</style>
      <p>各位代表：</p>
      <noscript>请启用脚本</noscript>
      <select><option>厦门市</option></select>
      <textarea>留言</textarea>
      <p>现在，我代表区人民政府向大会报告政府工作。</p>`);
    const s = samplePage(doc);
    expect(s.text).toBe('首页\n各位代表：\n现在，我代表区人民政府向大会报告政府工作。\n');
    expect(s.title).toBe('标题');
    expect(s.url).toBe('http://www.example.gov.cn/a.html');
  });

  it('collects h1–h3 and .title elements, short ones only, at most 12', () => {
    const doc = pageOf(`<h1>2025年政府工作报告</h1><div class="title">湖里区</div><div class="art-title">不算</div><h2>${'长'.repeat(130)}</h2>${'<h3>小节</h3>'.repeat(20)}`);
    const s = samplePage(doc);
    expect(s.headings.slice(0, 2)).toEqual(['2025年政府工作报告', '湖里区']);
    expect(s.headings).toHaveLength(12);
    expect(s.headings.some((h) => h.length > 120)).toBe(false);
  });

  it('stops at SAMPLE_CHARS even when scripts sit between long paragraphs', () => {
    const para = `<p>${'推进高质量发展。'.repeat(200)}</p>`;
    const doc = pageOf(`${para}<script>${'x'.repeat(5000)}</script>${para}<script>var y = 1;</script>${para}`);
    const s = samplePage(doc);
    expect(s.text.length).toBe(SAMPLE_CHARS);
    expect(s.text).not.toContain('x');
  });

  it('samples a page whose text comes after a large inline script', () => {
    const doc = pageOf(`<script>${'var a = 1;\n'.repeat(2000)}</script><p>各位代表：</p>`);
    expect(samplePage(doc).text).toBe('各位代表：\n');
  });
});
