import { UI_HOST_ATTR } from './skip';

const CSS = `
:host { all: initial; }
.bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(31,35,40,.16); padding: 12px 14px; }
.row { display: flex; gap: 8px; margin-top: 8px; }
button { font: inherit; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; padding: 4px 10px; cursor: pointer; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
`;

/**
 * For sites set to "ask": a small prompt in a shadow root, built with
 * textContent only. Resolves with the reader's answer.
 */
export function askToRun(doc: Document, zh: boolean): Promise<'yes' | 'never' | 'dismiss'> {
  return new Promise((resolve) => {
    const host = doc.createElement('govlens-ask');
    host.setAttribute(UI_HOST_ATTR, 'ask');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    const text = doc.createElement('div');
    text.textContent = zh ? 'GovLens：这似乎是一份政府工作报告。要修复文字并标注数字和术语吗？' : 'GovLens: this looks like a government report. Repair its text and mark figures and terms?';
    const row = doc.createElement('div');
    row.className = 'row';
    const button = (label: string, answer: 'yes' | 'never' | 'dismiss', primary = false) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      if (primary) b.className = 'primary';
      b.addEventListener('click', () => {
        host.remove();
        resolve(answer);
      });
      return b;
    };
    row.append(button(zh ? '修复' : 'Repair', 'yes', true), button(zh ? '本站不再询问' : 'Never on this site', 'never'), button(zh ? '关闭' : 'Close', 'dismiss'));
    bar.append(text, row);
    root.append(style, bar);
    doc.documentElement.appendChild(host);
  });
}
