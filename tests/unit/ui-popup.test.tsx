// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot } from '../support/preact-root';

vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  tn: (key: string, n: number, subs?: unknown[]) => `${key}(${(subs ?? [n]).join(',')})`,
  isZh: () => false,
}));

import { PopupView, layerKey, type PopupActions } from '../../src/ui/popup/PopupView';
import type { PageState } from '../../src/shared/messages';

const getRoot = preactRoot();

function actions(): PopupActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    onToggleRepaired: vi.fn(),
    onSetLayer: vi.fn(),
    onSetMode: vi.fn(),
    onSetTraditional: vi.fn(),
    onSetRepairMarks: vi.fn(),
    onOpenPanel: vi.fn(),
    onOpenOptions: vi.fn(),
    onEnableTab: vi.fn(),
    onEnableSite: vi.fn(),
  };
}

const state: PageState = {
  url: 'https://www.gov.cn/yaowen/2024-03/12/content_1.htm',
  isReport: true,
  score: 0.87,
  signals: ['title:政府工作报告', 'heading:过去一年工作回顾'],
  active: true,
  showingRepaired: true,
  fixes: 41,
  fixKinds: { traditional: 20, pinyin: 6, spun: 9, mojibake: 0, layout: 4, unicode: 1, entity: 1 },
  suggestions: 3,
  figures: 118,
  terms: 27,
  pledges: 12,
  annotations: 5,
  orphans: 2,
  layers: { fix: true, suggestion: true, 'figure-achieved': true, 'figure-target': false, 'figure-date': true, term: true, user: true, pledge: false, shared: true },
  siteMode: 'ask',
  traditional: false,
  repairMarks: 'quiet',
};

const text = (sel: string) => getRoot().querySelector(sel)?.textContent;

describe('PopupView', () => {
  it('renders the counts of the given page state', () => {
    act(() => render(<PopupView model={{ status: 'active', state }} actions={actions()} />, getRoot()));
    expect(text('[data-testid=fixes]')).toBe('41');
    expect(text('[data-testid=count-figures]')).toBe('118');
    expect(text('[data-testid=count-terms]')).toBe('27');
    expect(text('[data-testid=count-pledges]')).toBe('12');
    expect(text('[data-testid=count-annotations]')).toBe('5');
    expect(text('[data-testid=suggestions]')).toBe('popup.suggestions(3)');
    // Counts are worded through the plural rules ("1 figure", "2 figures").
    expect(getRoot().querySelector('[data-testid=count-figures]')!.nextElementSibling!.textContent).toBe('popup.count.figures()');
    // Traditional and pinyin are one group for the reader; entities and hidden characters another.
    expect(text('[data-testid=group-script]')).toBe('26');
    expect(text('[data-testid=group-spun]')).toBe('9');
    expect(text('[data-testid=group-mojibake]')).toBe('0');
    expect(text('[data-testid=group-layout]')).toBe('4');
    expect(text('[data-testid=group-chars]')).toBe('2');
    // The detector's own codes mean nothing to a reader: the verdict is in words, its certainty on hover.
    expect(getRoot().textContent).not.toContain('heading:过去一年工作回顾');
    expect(getRoot().textContent).not.toContain('title:');
    expect(getRoot().querySelector('.verdict')!.getAttribute('title')).toBe('popup.scoreHelp(87)');
    expect(getRoot().textContent).toContain('popup.orphans(2)');
  });

  it('says nothing about suggestions when there are none', () => {
    act(() => render(<PopupView model={{ status: 'active', state: { ...state, suggestions: 0 } }} actions={actions()} />, getRoot()));
    expect(getRoot().querySelector('[data-testid=suggestions]')).toBeNull();
    expect(getRoot().textContent).not.toContain('popup.suggestions');
  });

  it('switches repair marks between faint and full', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'active', state }} actions={a} />, getRoot()));
    expect(getRoot().querySelector('[data-testid=marks-quiet]')!.getAttribute('aria-pressed')).toBe('true');
    act(() => (getRoot().querySelector('[data-testid=marks-full]') as HTMLButtonElement).click());
    expect(a.onSetRepairMarks).toHaveBeenCalledWith('full');
  });

  it('on a page judged not to be a report, says so and offers to run anyway', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'inactive', url: 'https://www.gov.cn/a.html', canEnable: true, judged: 'not-report' }} actions={a} />, getRoot()));
    expect(text('[data-testid=inactive]')).toBe('popup.judgedNotReport');
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'popup.runAnyway')!.click());
    expect(a.onEnableTab).toHaveBeenCalledTimes(1);
  });

  it('reflects layer switches and sends changes', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'active', state }} actions={a} />, getRoot()));
    const switches = [...getRoot().querySelectorAll<HTMLInputElement>('input[role=switch]')];
    expect(switches).toHaveLength(8);
    const byLabel = (key: string) => switches.find((s) => s.closest('label')!.textContent!.includes(key))!;
    expect(byLabel('layer.figureTarget').checked).toBe(false);
    expect(byLabel('layer.figureAchieved').checked).toBe(true);
    act(() => byLabel('layer.pledge').click());
    expect(a.onSetLayer).toHaveBeenCalledWith('pledge', true);
  });

  it('shows which view is on and switches it', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'active', state }} actions={a} />, getRoot()));
    const original = [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'popup.original')!;
    const repaired = [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'popup.repaired')!;
    expect(repaired.getAttribute('aria-pressed')).toBe('true');
    expect(original.getAttribute('aria-pressed')).toBe('false');
    act(() => original.click());
    expect(a.onToggleRepaired).toHaveBeenCalledWith(false);
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'mode.never')!.click());
    expect(a.onSetMode).toHaveBeenCalledWith('never');
  });

  it('shows which script the repaired text is in and switches it', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'active', state: { ...state, traditional: true } }} actions={a} />, getRoot()));
    const simplified = getRoot().querySelector('[data-testid=script-simplified]')!;
    expect(getRoot().querySelector('[data-testid=script-traditional]')!.getAttribute('aria-pressed')).toBe('true');
    expect(simplified.getAttribute('aria-pressed')).toBe('false');
    act(() => (simplified as HTMLButtonElement).click());
    expect(a.onSetTraditional).toHaveBeenCalledWith(false);
  });

  it('offers to enable GovLens when no engine answers', () => {
    const a = actions();
    act(() => render(<PopupView model={{ status: 'inactive', url: 'https://example.org/r.html', canEnable: true }} actions={a} />, getRoot()));
    expect(getRoot().textContent).toContain('popup.inactive');
    expect(getRoot().querySelector('[data-testid=fixes]')).toBeNull();
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'popup.enableTab')!.click());
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'popup.enableSite')!.click());
    expect(a.onEnableTab).toHaveBeenCalledTimes(1);
    expect(a.onEnableSite).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to enable on pages extensions cannot touch', () => {
    act(() => render(<PopupView model={{ status: 'inactive', url: 'chrome://settings', canEnable: false }} actions={actions()} />, getRoot()));
    expect(getRoot().textContent).toContain('popup.cannotRun');
    expect([...getRoot().querySelectorAll('button')].some((b) => b.textContent === 'popup.enableTab')).toBe(false);
  });

  it('turns layer names into valid message names', () => {
    expect(layerKey('figure-achieved')).toBe('layer.figureAchieved');
    expect(layerKey('term')).toBe('layer.term');
  });
});
