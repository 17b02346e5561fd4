/**
 * CSS for the in-page components, adopted into the shadow root by the lead
 * (new CSSStyleSheet().replaceSync(PAGE_UI_CSS) or a <style> element). The
 * shadow root keeps page styles out and ours in; `all: initial` on the host
 * stops inherited page fonts and colours from leaking through.
 */
import { PALETTE } from '../common/colors';

/** Each card's top border in its layer's ink (the page's colour for that kind of mark). */
function cardInks(dark: boolean): string {
  const ink = (l: keyof typeof PALETTE) => (dark ? PALETTE[l].ink.dark : PALETTE[l].ink.light);
  return [
    `.gl-card--figure { --gl-ink: ${ink('figure-achieved')}; }`,
    `.gl-card--figure.gl-card--target { --gl-ink: ${ink('figure-target')}; }`,
    `.gl-card--figure.gl-card--date { --gl-ink: ${ink('figure-date')}; }`,
    `.gl-card--term { --gl-ink: ${ink('term')}; }`,
    `.gl-card--repair { --gl-ink: ${ink('fix')}; }`,
    `.gl-card--suggestion { --gl-ink: ${ink('suggestion')}; }`,
    `.gl-card--user { --gl-ink: ${ink('user')}; }`,
    `.gl-card--pledge { --gl-ink: ${ink('pledge')}; }`,
  ].join('\n');
}

export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const PAGE_UI_CSS = `
:host { all: initial; }
.gl-card, .gl-toolbar {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px));
  font: 14px/1.55 ${FONT_STACK}; color: #1f2328; text-align: left;
  background: #fff; border: 1px solid #d0d7de; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(31, 35, 40, 0.16);
}
.gl-card { padding: 12px 34px 12px 14px; min-width: 200px; }
.gl-card *, .gl-toolbar * { box-sizing: border-box; font: inherit; }
.gl-card { border-top: 3px solid var(--gl-ink); }
${cardInks(false)}
.gl-card--notice { --gl-ink: #b42318; right: 16px; bottom: 16px; }
.gl-close {
  position: absolute; top: 6px; right: 6px; width: 24px; height: 24px; padding: 0;
  border: 0; border-radius: 6px; background: transparent; color: #656d76;
  font-size: 18px; line-height: 24px; cursor: pointer;
}
.gl-close:hover { background: #f3f4f6; }
.gl-kicker { font-size: 12px; color: #656d76; letter-spacing: 0.02em; margin-bottom: 2px; }
.gl-main { font-size: 16px; font-weight: 600; word-break: break-word; }
.gl-plain { font-size: 15px; color: #0b5394; margin-top: 2px; }
.gl-row { font-size: 13px; margin-top: 4px; }
.gl-text { margin: 6px 0 0; white-space: pre-wrap; word-break: break-word; }
.gl-muted { color: #656d76; }
.gl-note { background: #f6f8fa; border-radius: 6px; padding: 6px 8px; }
.gl-quote { margin: 6px 0 0; padding: 2px 0 2px 8px; border-left: 3px solid; color: #3b434b; }
.gl-change { margin-top: 6px; word-break: break-word; }
.gl-before { text-decoration: line-through; color: #8c1d18; background: #fdecea; padding: 0 2px; border-radius: 3px; }
.gl-after { color: #14532d; background: #e6f4ea; padding: 0 2px; border-radius: 3px; }
.gl-tags { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0 0; padding: 0; }
.gl-tag { font-size: 12px; padding: 0 8px; border-radius: 999px; background: #eef2f7; color: #3b434b; }
.gl-actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 10px; }
.gl-btn {
  padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa;
  color: #1f2328; cursor: pointer; font-size: 13px;
}
.gl-btn:hover { background: #eef1f4; }
.gl-btn:disabled { opacity: 0.5; cursor: default; }
.gl-btn--primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
.gl-btn--primary:hover { background: #1a5fcc; }
.gl-btn--danger { color: #b42318; }
.gl-btn--small { padding: 2px 8px; }
.gl-close:focus-visible, .gl-btn:focus-visible, .gl-swatch:focus-visible, .gl-input:focus-visible {
  outline: 2px solid #1f6feb; outline-offset: 2px;
}
.gl-form { display: flex; flex-direction: column; gap: 4px; margin-top: 8px; }
.gl-label { font-size: 12px; font-weight: 600; color: #57606a; margin-top: 2px; }
.gl-quote--editing { margin: 0 0 2px; max-height: 4.8em; overflow: hidden; font-size: 13px; }
.gl-input {
  width: 100%; padding: 6px 8px; border: 1px solid #d0d7de; border-radius: 6px;
  background: #fff; color: #1f2328; font-size: 13px; resize: vertical;
}
.gl-toolbar { display: flex; align-items: center; gap: 6px; padding: 6px 8px; }
.gl-toolbar--editing { display: block; width: 300px; padding: 4px 10px 10px; }
.gl-colors { display: flex; gap: 6px; }
.gl-swatch {
  width: 20px; height: 20px; padding: 0; border-radius: 50%;
  border: 1px solid rgba(0, 0, 0, 0.45); cursor: pointer;
}
.gl-swatch[aria-pressed="true"] { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #1f6feb; }
.gl-sep { width: 1px; align-self: stretch; background: #d0d7de; margin: 0 2px; }
@media (prefers-color-scheme: dark) {
  ${cardInks(true)}
  .gl-card, .gl-toolbar { background: #1c2128; color: #e6edf3; border-color: #444c56; }
  .gl-card { border-top-color: var(--gl-ink); }
  .gl-kicker, .gl-muted, .gl-close, .gl-label { color: #9198a1; }
  .gl-close:hover, .gl-btn:hover { background: #2d333b; }
  .gl-plain { color: #79b8ff; }
  .gl-note { background: #22272e; }
  .gl-quote { color: #c9d1d9; }
  .gl-tag { background: #2d333b; color: #c9d1d9; }
  .gl-btn { background: #22272e; border-color: #444c56; color: #e6edf3; }
  .gl-btn--primary { background: #1f6feb; color: #fff; }
  .gl-input { background: #0d1117; color: #e6edf3; border-color: #444c56; }
  .gl-before { background: #3d1d1b; color: #ffb4a9; }
  .gl-after { background: #12301e; color: #a6e3b8; }
}
@media (prefers-reduced-motion: no-preference) {
  .gl-card, .gl-toolbar { animation: gl-in 0.12s ease-out; }
  @keyframes gl-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;
