// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PageChrome } from '../../src/page/page-chrome';
import { convertScript } from '../../src/core/repair/traditional/convert-text';

const PAGE = `
  <nav><a href="/">首頁</a> <a href="/zw">政務公開</a></nav>
  <aside><h3>相關鏈接</h3><ul><li><a>湖里區2025年國民經濟和社會發展統計公報</a></li></ul></aside>
  <main id="body"><p>報告正文由引擎處理。</p></main>
  <script>var s = "國務院";</script>
  <style>.x::after { content: "國"; }</style>
  <form><input value="國家"><textarea>國家發展</textarea><select><option>區域</option></select></form>
  <div contenteditable="true"><p>編輯區域</p></div>
  <div data-govlens-ui="overlay">區</div>`;

function setUp() {
  document.title = '湖里區政府工作報告·2026展望';
  document.body.innerHTML = PAGE;
  const bodyNodes = new Set<Node>();
  const walker = document.createTreeWalker(document.getElementById('body')!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) bodyNodes.add(n);
  return { chrome: new PageChrome(document, (n) => bodyNodes.has(n)), before: document.body.innerHTML };
}

const toSimplified = (text: string) => convertScript(text, 'simplified', true);

describe('the page around the report, in the reader\'s script', () => {
  it('converts the title, navigation, side links and headings, but not the body, code, styles, form fields, editable text or GovLens\'s own UI', () => {
    const { chrome } = setUp();
    const changed = chrome.apply(toSimplified);
    expect(changed).toBeGreaterThanOrEqual(5);
    expect(document.title).toBe('湖里区政府工作报告·2026展望');
    expect(document.querySelector('nav')!.textContent).toBe('首页 政务公开');
    expect(document.querySelector('aside')!.textContent).toBe('相关链接湖里区2025年国民经济和社会发展统计公报');
    // The engine's nodes are the engine's: repairs and marks stay on the body.
    expect(document.getElementById('body')!.textContent).toBe('報告正文由引擎處理。');
    expect(document.querySelector('script')!.textContent).toContain('國務院');
    expect(document.querySelector('style')!.textContent).toContain('國');
    expect(document.querySelector('textarea')!.textContent).toBe('國家發展');
    expect(document.querySelector('option')!.textContent).toBe('區域');
    expect(document.querySelector('[contenteditable] p')!.textContent).toBe('編輯區域');
    expect(document.querySelector('[data-govlens-ui]')!.textContent).toBe('區');
  });

  it('restores every node and the title exactly', () => {
    const { chrome, before } = setUp();
    chrome.apply(toSimplified);
    expect(document.body.innerHTML).not.toBe(before);
    chrome.restore();
    expect(document.body.innerHTML).toBe(before);
    expect(document.title).toBe('湖里區政府工作報告·2026展望');
    expect(chrome.size).toBe(0);
  });

  it('leaves a node the page rewrote meanwhile as the page wrote it', () => {
    const { chrome } = setUp();
    chrome.apply(toSimplified);
    const link = document.querySelector('nav a')!.firstChild as Text;
    link.nodeValue = '首頁（新）';
    chrome.restore();
    expect(link.nodeValue).toBe('首頁（新）');
    expect(document.querySelectorAll('nav a')[1].textContent).toBe('政務公開');
  });

  it('applied twice is applied once (the second undoes the first)', () => {
    const { chrome } = setUp();
    chrome.apply(toSimplified);
    chrome.apply(toSimplified);
    chrome.restore();
    expect(document.querySelector('nav')!.textContent).toBe('首頁 政務公開');
  });

  it('keeps a site\'s own script switch as written ("繁體" names the script for its readers)', () => {
    expect(convertScript('欢迎访问厦门市湖里区人民政府网站　|　長者模式　|　繁體', 'simplified', true)).toBe('欢迎访问厦门市湖里区人民政府网站　|　长者模式　|　繁體');
    expect(convertScript('简体 | 繁體', 'traditional', false)).toBe('简体 | 繁體');
  });

  it('on a Simplified page leaves a quoted Traditional name alone (a run must itself read as Traditional)', () => {
    expect(convertScript('台灣', 'simplified', false)).toBe('台灣');
    expect(convertScript('湖里區2025年國民經濟和社會發展統計公報', 'simplified', false)).toBe('湖里区2025年国民经济和社会发展统计公报');
  });
});
