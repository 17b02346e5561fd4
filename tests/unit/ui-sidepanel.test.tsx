// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot } from '../support/preact-root';

vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  isZh: () => true,
}));
// The panel's storage facade is not exercised here; keep Dexie out of the views' tests.
vi.mock('../../src/ui/sidepanel/data', () => ({ PLEDGE_STATUSES: ['pending', 'met', 'missed', 'unclear'] }));

import { FiguresTable } from '../../src/ui/sidepanel/FiguresTable';
import { PledgesTab, filterPledges } from '../../src/ui/sidepanel/PledgesTab';
import { groupTerms } from '../../src/ui/sidepanel/TermsTab';
import { ExportTab } from '../../src/ui/sidepanel/ExportTab';
import { SearchTab } from '../../src/ui/sidepanel/SearchTab';
import { withEvidence } from '../../src/ui/sidepanel/SidePanel';
import { safeHref } from '../../src/ui/common/links';
import { figureValue, parseTags, plainValue } from '../../src/ui/common/format';
import type { FigureItem, TermItem } from '../../src/shared/messages';
import type { SavedPledge, SearchGroup } from '../../src/ui/sidepanel/data';

const getRoot = preactRoot();

const fig = (index: number, text: string, value: number | null, unit: string, target = false): FigureItem => ({
  index,
  text,
  kind: unit === '%' ? 'percent' : 'amount',
  value,
  unit,
  target,
  context: text,
});

describe('FiguresTable', () => {
  const figures = [fig(0, '5%左右', 5, '%', true), fig(1, '1.2万亿元', 1.2e12, '元'), fig(2, '若干', null, ''), fig(3, '640亿元', 6.4e10, '元')];
  const order = () => [...getRoot().querySelectorAll('tbody tr td.context')].map((td) => td.textContent);
  const header = (key: string) => [...getRoot().querySelectorAll('th button')].find((b) => b.textContent!.startsWith(key)) as HTMLButtonElement;

  it('sorts by value when the value header is clicked, missing values last', () => {
    act(() => render(<FiguresTable figures={figures} onSelect={() => {}} />, getRoot()));
    expect(order()).toEqual(['5%左右', '1.2万亿元', '若干', '640亿元']);
    act(() => header('panel.figures.col.value').click());
    expect(order()).toEqual(['5%左右', '640亿元', '1.2万亿元', '若干']);
    expect(header('panel.figures.col.value').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    act(() => header('panel.figures.col.value').click());
    expect(order()).toEqual(['1.2万亿元', '640亿元', '5%左右', '若干']);
    expect(header('panel.figures.col.value').closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('reports the clicked row and filters targets', () => {
    const onSelect = vi.fn();
    act(() => render(<FiguresTable figures={figures} onSelect={onSelect} />, getRoot()));
    act(() => (getRoot().querySelectorAll('tbody tr')[3] as HTMLElement).click());
    expect(onSelect).toHaveBeenCalledWith(3);
    act(() => [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'panel.figures.show.target')!.click());
    expect(order()).toEqual(['5%左右']);
  });

  it('writes values in 万/亿', () => {
    act(() => render(<FiguresTable figures={figures} onSelect={() => {}} />, getRoot()));
    const values = [...getRoot().querySelectorAll('tbody td.num')].map((td) => td.textContent);
    expect(values).toEqual(['5', '1.2万亿', '', '640亿']);
  });
});

const pledge = (id: string, over: Partial<SavedPledge>): SavedPledge => ({
  id,
  text: `承诺${id}`,
  region: '',
  year: null,
  dueYear: null,
  status: 'pending',
  note: '',
  figureText: '',
  reportId: 'r',
  reportTitle: '报告',
  reportUrl: 'https://www.gov.cn/r',
  updatedAt: 0,
  ...over,
});

describe('PledgesTab', () => {
  const pledges = [
    pledge('a', { region: '福建', year: 2024, dueYear: 2025 }),
    pledge('b', { region: '全国', year: 2024, dueYear: 2024, status: 'met' }),
    pledge('c', { region: '福建', year: 2023 }),
    pledge('d', { region: '福建', year: 2024, dueYear: 2027, reportUrl: 'javascript:alert(1)' }),
  ];

  it('filters by region, year and status and sorts by due year with undated last', () => {
    const ids = (f: Parameters<typeof filterPledges>[1]) => filterPledges(pledges, f).map((p) => p.id);
    expect(ids({ region: '', year: '', status: '', dir: 1 })).toEqual(['b', 'a', 'd', 'c']);
    expect(ids({ region: '', year: '', status: '', dir: -1 })).toEqual(['d', 'a', 'b', 'c']);
    expect(ids({ region: '福建', year: '2024', status: '', dir: 1 })).toEqual(['a', 'd']);
    expect(ids({ region: '', year: '', status: 'met', dir: 1 })).toEqual(['b']);
  });

  it('changes a status inline and never links a javascript: URL', () => {
    const onUpdate = vi.fn(async () => {});
    act(() => render(<PledgesTab pledges={pledges} onUpdate={onUpdate} />, getRoot()));
    expect(getRoot().querySelectorAll('li.pledge')).toHaveLength(4);
    expect([...getRoot().querySelectorAll('a')].some((a) => a.getAttribute('href')!.startsWith('javascript'))).toBe(false);
    const select = getRoot().querySelector<HTMLSelectElement>('li.pledge select')!;
    act(() => {
      select.value = 'missed';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onUpdate).toHaveBeenCalledWith('b', { status: 'missed' });
  });
});

describe('ExportTab', () => {
  it('downloads the exported blob under its file name', async () => {
    const blob = new Blob(['# GovLens'], { type: 'text/markdown' });
    const exportData = vi.fn(async () => ({ blob, filename: 'govlens.md' }));
    const download = vi.fn();
    act(() => render(<ExportTab exportData={exportData} importData={vi.fn()} download={download} />, getRoot()));
    await act(async () => (getRoot().querySelector('li button') as HTMLButtonElement).click());
    expect(exportData).toHaveBeenCalledWith('markdown');
    expect(download).toHaveBeenCalledWith(blob, 'govlens.md');
  });

  it('shows a clear error when an import fails', async () => {
    const importData = vi.fn(async (_f: File, progress: (p: number) => void) => {
      progress(0.5);
      throw new Error('Not a GovLens backup: missing "formatName"');
    });
    act(() => render(<ExportTab exportData={vi.fn()} importData={importData} download={vi.fn()} />, getRoot()));
    const input = getRoot().querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{}'], 'bad.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(importData).toHaveBeenCalledWith(file, expect.any(Function));
    expect(getRoot().querySelector('[role=alert]')?.textContent).toContain('Not a GovLens backup: missing "formatName"');
  });
});

describe('helpers', () => {
  it('groups term occurrences by key in order of first appearance', () => {
    const terms: TermItem[] = [
      { index: 0, text: '新质生产力', key: '新质生产力', definition: 'x', source: 'builtin' },
      { index: 1, text: '两重', key: '两重', definition: null, source: 'none' },
      { index: 2, text: '新質生產力', key: '新质生产力', definition: 'x', source: 'builtin' },
    ];
    expect(groupTerms(terms).map((g) => [g.key, g.count, g.first])).toEqual([
      ['新质生产力', 2, 0],
      ['两重', 1, 1],
    ]);
  });

  it('appends evidence to a pledge note once', () => {
    expect(withEvidence('', '完成目标', '2025年报告')).toBe('2025年报告: 完成目标');
    expect(withEvidence('旧备注', '完成目标', undefined)).toBe('旧备注\n完成目标');
    expect(withEvidence('旧备注\n完成目标', '完成目标', 'x')).toBe('旧备注\n完成目标');
  });

  it('allows only web and file links', () => {
    expect(safeHref('https://www.gov.cn/a')).toBe('https://www.gov.cn/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });

  it('parses tags and writes values plainly', () => {
    expect(parseTags('#就业、民生；  教育 就业')).toEqual(['就业', '民生', '教育']);
    expect(plainValue(6.4e10, '元', true)).toBe('640亿元');
    expect(plainValue(6.4e10, '元', false)).toBe('64 billion yuan');
    expect(plainValue(1.2e7, '人', false)).toBe('12 million people');
    expect(plainValue(1.2e12, '元', true)).toBe('1.2万亿元');
    expect(plainValue(5.5, '%', true)).toBe('5.5%');
    expect(plainValue(12000, '人', true)).toBe('1.2万人');
    expect(plainValue(null, '', true)).toBe('');
  });

  it('writes a figure’s value for its kind: a date as a date, 万/亿 in Chinese, no "thousand" in English', () => {
    const year = { text: '2024年', kind: 'date', value: 2024, unit: '年' };
    expect(figureValue(year, true)).toBe('2024年');
    expect(figureValue(year, false)).toBe('2024年');
    const income = { text: '74383元', kind: 'amount', value: 74383, unit: '元' };
    expect(figureValue(income, true)).toBe('7.44万元');
    expect(figureValue(income, false)).toBe('74,383 yuan');
    expect(figureValue({ text: '6.5%－7%', kind: 'percent', value: 6.5, valueMax: 7, unit: '%' }, true)).toBe('6.5–7%');
    expect(figureValue({ text: '100万元至300万元', kind: 'amount', value: 1e6, valueMax: 3e6, unit: '元' }, true)).toBe('100万–300万元');
    expect(figureValue({ text: '全国第十三', kind: 'rank', value: 13, unit: '' }, true)).toBe('第13');
    expect(figureValue({ text: '全国第十三', kind: 'rank', value: 13, unit: '' }, false)).toBe('No. 13');
    expect(figureValue({ text: '翻两番', kind: 'ratio', value: 4, unit: '倍' }, false)).toBe('4 times');
    // Without the unit, for the table's value column.
    expect(figureValue(income, true, false)).toBe('7.44万');
  });
});

describe('SearchTab', () => {
  it('shows a highlight hit as a button that reveals it; a pledge hit is plain text', async () => {
    vi.useFakeTimers();
    const groups: SearchGroup[] = [
      {
        reportId: 'r1',
        title: '2025年湖里区政府工作报告',
        url: 'http://www.huli.gov.cn/a.html',
        hits: [
          { kind: 'annotation', id: 'a1', text: '全国义务教育教学改革实验区', note: '', tags: [], url: 'http://www.huli.gov.cn/a.html' },
          { kind: 'pledge', id: 'p1', text: '新增城镇就业1.2万人', note: '', tags: [], url: 'http://www.huli.gov.cn/a.html' },
        ],
      },
    ];
    const search = vi.fn(async () => groups);
    const onReveal = vi.fn();
    render(<SearchTab search={search} onReveal={onReveal} />, getRoot());
    const input = getRoot().querySelector('input[type=search]') as HTMLInputElement;
    await act(() => {
      input.value = '实验区';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The search is debounced (IME input); let the timer and the search run.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(250);
    });
    vi.useRealTimers();
    expect(search).toHaveBeenCalledWith('实验区');
    const buttons = [...getRoot().querySelectorAll('li.hit-annotation button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['全国义务教育教学改革实验区']);
    expect(getRoot().querySelector('li.hit-pledge button')).toBeNull();
    await act(() => (buttons[0] as HTMLButtonElement).click());
    expect(onReveal).toHaveBeenCalledWith(groups[0].hits[0]);
  });
});
