import { createUiHost } from './ui-host';

const CSS = `
.bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(31,35,40,.16); padding: 12px 14px; }
.row { display: flex; gap: 8px; margin-top: 8px; }
button { font: inherit; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; padding: 4px 10px; cursor: pointer; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
`;

export type AskAnswer = 'yes' | 'never' | 'dismiss';

/**
 * For sites set to "ask": a small prompt, built with textContent only, in the same closed shadow root
 * as the rest of GovLens's on-page UI (./ui-host): the page's scripts can neither read it nor click it
 * (untrusted events are stopped there), so only the reader can answer. Resolves with the answer.
 */
export function askToRun(doc: Document, zh: boolean): Promise<AskAnswer> {
  return new Promise((resolve) => {
    const { host, mount } = createUiHost(doc, CSS);
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    const text = doc.createElement('div');
    text.textContent = zh ? 'GovLens：这似乎是一份政府工作报告。要修复文字并标注数字和术语吗？' : 'GovLens: this looks like a government report. Repair its text and mark figures and terms?';
    const row = doc.createElement('div');
    row.className = 'row';
    const button = (label: string, answer: AskAnswer, primary = false) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.answer = answer;
      if (primary) b.className = 'primary';
      b.addEventListener('click', () => {
        host.remove();
        resolve(answer);
      });
      return b;
    };
    row.append(button(zh ? '修复' : 'Repair', 'yes', true), button(zh ? '本站不再询问' : 'Never on this site', 'never'), button(zh ? '关闭' : 'Close', 'dismiss'));
    bar.append(text, row);
    mount.append(bar);
  });
}
