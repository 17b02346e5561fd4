// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findMainRootInSteps, reportHeader } from '../../src/page/main-content';
import { runSteps } from '../../src/core/steps';

/** The test's own markup, in the environment's document (findMainRoot walks it with the DOM's TreeWalker). */
function pageOf(body: string): Document {
  document.body.innerHTML = body;
  return document;
}

const PARA = '<p>' + '湖里区坚持稳中求进工作总基调，推动高质量发展取得新成效。'.repeat(6) + '</p>';

describe('the report body and its header', () => {
  it('finds the body container, and takes the title with the short lines under it', () => {
    const doc = pageOf(`
      <nav><a>首页</a><a>政务公开</a><a>政策文件</a></nav>
      <article>
        <h1>湖里區政府工作報告</h1>
        <div class="info"><span>發布時間：2026-01-08</span><span>來源：廈門日報</span></div>
        <div class="share">分享到微信</div>
        <div id="zoom">${PARA.repeat(5)}</div>
      </article>
      <footer>版权所有</footer>`);
    const body = runSteps(findMainRootInSteps(doc));
    expect(body.id).toBe('zoom');
    // The share bar is page chrome; the info line belongs to the title.
    expect(reportHeader(doc, body).map((el) => el.textContent)).toEqual(['湖里區政府工作報告', '發布時間：2026-01-08來源：廈門日報']);
  });

  it('stops at a long block, another title or the body, and skips titles in page chrome', () => {
    const doc = pageOf(`
      <header><h1>厦门市湖里区人民政府</h1><div>网站导航</div></header>
      <h1>报告</h1>
      <div>${'很长的导语'.repeat(60)}</div>
      <div>不算</div>
      <div id="zoom">${PARA.repeat(5)}</div>`);
    const body = runSteps(findMainRootInSteps(doc));
    expect(reportHeader(doc, body).map((el) => el.textContent)).toEqual(['报告']);
  });
});
