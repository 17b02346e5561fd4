// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot } from '../support/preact-root';

vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  tn: (key: string, n: number, subs?: unknown[]) => `${key}(${(subs ?? [n]).join(',')})`,
  isZh: () => true,
}));
// The panel's storage facade is not exercised here; keep Dexie out of the views' tests.
vi.mock('../../src/ui/sidepanel/data', () => ({ PLEDGE_STATUSES: ['pending', 'progress', 'met', 'partly', 'missed'] }));

import { FiguresTable } from '../../src/ui/sidepanel/FiguresTable';
import { ALL_SAVED, PledgesTab, filterPledges } from '../../src/ui/sidepanel/PledgesTab';
import { filterOutline, NO_FILTER, outlineTree, PlanOutline } from '../../src/ui/sidepanel/PlanOutline';
import { FollowUps } from '../../src/ui/sidepanel/FollowUps';
import { groupTerms } from '../../src/ui/sidepanel/TermsTab';
import { ExportTab, type ExportTabProps } from '../../src/ui/sidepanel/ExportTab';
import { SearchTab } from '../../src/ui/sidepanel/SearchTab';
import { safeHref } from '../../src/ui/common/links';
import { figureValue, parseTags, plainValue } from '../../src/ui/common/format';
import type { FigureItem, PledgeItem, TermItem } from '../../src/shared/messages';
import type { PledgeFollowUp, SavedPledge, SearchGroup } from '../../src/ui/sidepanel/data';
import { parseImport } from '../../src/storage/import';

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

  it('shows a date once, as written, with no unit beside it', () => {
    const date = { ...fig(4, '2025年3月5日', 2025, '年'), kind: 'date' as const };
    act(() => render(<FiguresTable figures={[date]} onSelect={() => {}} />, getRoot()));
    const cells = [...getRoot().querySelectorAll('tbody tr td')].map((td) => td.textContent);
    expect(cells.slice(1, 3)).toEqual(['2025年3月5日', '']);
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
  kind: 'action',
  area: [],
  direction: null,
  figure: null,
  evidence: [],
  ...over,
});

const noop = async () => {};

describe('PledgesTab: saved pledges', () => {
  const pledges = [
    pledge('a', { region: '厦门市湖里区', year: 2024, dueYear: 2025, area: ['二、2025年工作计划', '（一）稳增长'] }),
    pledge('b', { region: '全国', year: 2024, dueYear: 2024, status: 'met', kind: 'target', figureText: '5%左右', direction: 'floor' }),
    pledge('c', { region: '湖里区', year: 2023, area: ['二、2025年工作计划', '（二）惠民生'] }),
    pledge('d', { region: '湖里区', year: 2024, dueYear: 2027, reportUrl: 'javascript:alert(1)' }),
    pledge('e', { region: '湖里区', year: 2023, dueYear: 2023, status: 'progress' }),
  ];

  it('filters by region (however the report named it), area, kind, status with overdue, and due year; sorts by due year', () => {
    const ids = (f: Partial<Parameters<typeof filterPledges>[1]>) => filterPledges(pledges, { ...ALL_SAVED, ...f }, 2026).map((p) => p.id);
    expect(ids({})).toEqual(['e', 'b', 'a', 'd', 'c']);
    expect(ids({ dir: -1 })).toEqual(['d', 'a', 'b', 'e', 'c']);
    // 厦门市湖里区 and 湖里区 are one region.
    expect(ids({ region: '湖里' })).toEqual(['e', 'a', 'd', 'c']);
    expect(ids({ area: '二、2025年工作计划' })).toEqual(['a', 'c']);
    expect(ids({ area: '二、2025年工作计划 › （二）惠民生' })).toEqual(['c']);
    expect(ids({ kind: 'target' })).toEqual(['b']);
    expect(ids({ status: 'met' })).toEqual(['b']);
    // Due 2023 or 2025, in progress or not rated, no evidence: overdue in 2026.
    expect(ids({ status: 'overdue' })).toEqual(['e', 'a']);
    expect(ids({ due: '2027' })).toEqual(['d']);
  });

  it('changes a status inline, marks overdue pledges and never links a javascript: URL', () => {
    const onUpdate = vi.fn(async () => {});
    act(() => render(<PledgesTab page={null} pledges={pledges} followUps={[]} year={2026} onUpdate={onUpdate} onSave={noop} onScrollTo={() => {}} onRate={noop} onScrollToEvidence={() => {}} />, getRoot()));
    expect(getRoot().querySelectorAll('li.pledge')).toHaveLength(5);
    expect(getRoot().querySelectorAll('li.status-overdue')).toHaveLength(2);
    expect([...getRoot().querySelectorAll('a')].some((a) => a.getAttribute('href')!.startsWith('javascript'))).toBe(false);
    const select = getRoot().querySelector<HTMLSelectElement>('li.pledge select')!;
    act(() => {
      select.value = 'partly';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onUpdate).toHaveBeenCalledWith('e', { status: 'partly' });
  });
});

const item = (index: number, area: string[], over: Partial<PledgeItem> = {}): PledgeItem => ({ index, text: `承诺${index}`, kind: 'action', area, dueYear: 2025, ...over });

describe('PlanOutline', () => {
  const A = '2025年工作计划';
  const B1 = '一、坚持提振预期';
  const B2 = '二、坚持科创引领';
  const items = [
    item(0, [A], { kind: 'target', figure: { text: '5.5%', value: 5.5, unit: '%', kind: 'percent' }, direction: 'floor' }),
    item(1, [A, B1, '全力提速推进项目建设']),
    item(2, [A, B1, '全力提速推进项目建设'], { savedId: 's2', status: 'met' }),
    item(3, [A, B1, '招大育强积蓄产业后劲']),
    item(4, [A, B2], { dueYear: 2027 }),
  ];

  it('groups pledges under the report\'s headings with counts that include subheadings', () => {
    const root = outlineTree(items);
    expect(root.count).toBe(5);
    const a = root.children[0];
    expect([a.heading, a.count, a.items.map((p) => p.index)]).toEqual([A, 5, [0]]);
    expect(a.children.map((c) => [c.heading, c.count])).toEqual([[B1, 3], [B2, 1]]);
    expect(a.children[0].children.map((c) => [c.heading, c.count])).toEqual([['全力提速推进项目建设', 2], ['招大育强积蓄产业后劲', 1]]);
  });

  it('filters by area (with its subheadings), kind, status (not saved) and due year', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterOutline(items, { ...NO_FILTER, ...f }).map((p) => p.index);
    expect(ids({ area: `${A} › ${B1}` })).toEqual([1, 2, 3]);
    expect(ids({ area: `${A} › ${B1} › 全力提速推进项目建设` })).toEqual([1, 2]);
    expect(ids({ kind: 'target' })).toEqual([0]);
    expect(ids({ status: 'unsaved' })).toEqual([0, 1, 3, 4]);
    expect(ids({ status: 'met' })).toEqual([2]);
    expect(ids({ due: '2027' })).toEqual([4]);
  });

  it('saves one pledge, or every unsaved pledge under a heading, and scrolls to a pledge', async () => {
    const onSave = vi.fn(async () => {});
    const onScrollTo = vi.fn();
    act(() => render(<PlanOutline pledges={items} onScrollTo={onScrollTo} onSave={onSave} />, getRoot()));
    const summaries = [...getRoot().querySelectorAll('summary')].map((s) => s.textContent);
    expect(summaries).toEqual([`${A}5`, `${B1}3`, '全力提速推进项目建设2', '招大育强积蓄产业后劲1', `${B2}1`]);
    const saveAll = [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'panel.outline.saveAll(4)')!;
    await act(async () => saveAll.click());
    expect(onSave).toHaveBeenCalledWith([0, 1, 3, 4]);
    // The saved one shows its status, not a Save button.
    const rows = [...getRoot().querySelectorAll('li.outline-pledge')];
    expect(rows[2].textContent).toContain('status.met');
    expect(rows[2].querySelector('button.btn')).toBeNull();
    act(() => (rows[1].querySelector('button.as-link') as HTMLButtonElement).click());
    expect(onScrollTo).toHaveBeenCalledWith(1);
  });
});

describe('FollowUps', () => {
  const f: PledgeFollowUp = {
    pledge: pledge('p', { text: '助力17个城中村加快改造工作', kind: 'target', figure: { text: '17个', value: 17, unit: '个' }, direction: 'exact', reportTitle: '湖里区发改局2024年工作计划' }),
    verdict: 'met',
    evidence: [
      { sentence: '完成19个城中村8大提升', start: 100, end: 112, score: 0.8, figure: '19个' },
      { sentence: '全面铺开城中村现代化治理', start: 90, end: 99, score: 0.5 },
    ],
  };

  it('proposes a verdict from the figure, and rates only when the reader confirms or chooses', async () => {
    const onRate = vi.fn(async () => {});
    const onScroll = vi.fn();
    act(() => render(<FollowUps followUps={[f]} onRate={onRate} onScrollToEvidence={onScroll} />, getRoot()));
    expect(onRate).not.toHaveBeenCalled();
    expect(getRoot().querySelector('.proposal')!.textContent).toBe('panel.follow.proposed(status.met)');
    await act(async () => getRoot().querySelector<HTMLButtonElement>('button.confirm')!.click());
    expect(onRate).toHaveBeenLastCalledWith(f, 'met', 0);
    // The reader picks the second sentence and another status.
    act(() => getRoot().querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click());
    const missed = [...getRoot().querySelectorAll('button')].find((b) => b.textContent === 'status.missed')!;
    await act(async () => missed.click());
    expect(onRate).toHaveBeenLastCalledWith(f, 'missed', 1);
    act(() => getRoot().querySelector<HTMLButtonElement>('.evidence-choice button')!.click());
    expect(onScroll).toHaveBeenCalledWith(100, 112);
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

  it('says why an import failed in the UI language, with the parser\'s English only on hover', async () => {
    let thrown: unknown;
    const importData = vi.fn(async (_f: File, progress: (p: number) => void) => {
      progress(0.5);
      try {
        parseImport('not json');
      } catch (err) {
        thrown = err;
      }
      throw thrown;
    });
    act(() => render(<ExportTab exportData={vi.fn()} importData={importData} download={vi.fn()} />, getRoot()));
    const input = getRoot().querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{}'], 'bad.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(importData).toHaveBeenCalledWith(file, expect.any(Function));
    const alert = getRoot().querySelector('[role=alert]')!;
    // The sentence shown comes from the message files (here the stub shows its key); the English detail is not in it.
    expect(alert.textContent).toBe('panel.import.failed panel.import.notJson');
    expect(alert.getAttribute('title')).toBe((thrown as Error).message);
    expect((thrown as Error).message).toMatch(/not JSON/);
  });
  it('after an import, counts what was added, and says how many records were updated and how many duplicates were skipped', async () => {
    const choose = async (importData: ExportTabProps['importData']) => {
      act(() => render(<ExportTab exportData={vi.fn()} importData={importData} download={vi.fn()} />, getRoot()));
      const input = getRoot().querySelector<HTMLInputElement>('input[type=file]')!;
      Object.defineProperty(input, 'files', { value: [new File(['{}'], 'backup.json')], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return getRoot().querySelector('[role=status]')!.textContent!.split('\n');
    };
    const lines = await choose(async () => ({ reports: 1, annotations: 4, pledges: 2, updated: 3, skipped: 5 }));
    expect(lines).toEqual([
      'panel.import.done(panel.import.reports(1),panel.import.highlights(4),panel.import.pledges(2))',
      'panel.import.updated(3)',
      'panel.import.skipped(5)',
    ]);
    // Nothing updated or skipped: no line for them.
    act(() => render(null, getRoot()));
    expect(await choose(async () => ({ reports: 0, annotations: 1, pledges: 0, updated: 0, skipped: 0 }))).toHaveLength(1);
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
          { kind: 'annotation', id: 'a1', text: '全国义务教育教学改革实验区', note: '', tags: [], url: 'http://www.huli.gov.cn/a.html', updatedAt: 1 },
          { kind: 'pledge', id: 'p1', text: '新增城镇就业1.2万人', note: '', tags: [], url: 'http://www.huli.gov.cn/a.html', updatedAt: 2 },
        ],
      },
    ];
    const search = vi.fn(async () => groups);
    const onReveal = vi.fn();
    render(<SearchTab search={search} notes={[]} tag={null} onTag={() => {}} onReveal={onReveal} />, getRoot());
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
