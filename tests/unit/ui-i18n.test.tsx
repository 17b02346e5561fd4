// @vitest-environment happy-dom
/**
 * The UI's words in both languages, through the real src/ui/i18n.ts and
 * @wxt-dev/i18n over the messages a build ships (tests/support/chrome-i18n.ts).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { chromeMessages, installChromeI18n } from '../support/chrome-i18n';
import { preactRoot } from '../support/preact-root';
import { LAYER_ORDER, HIGHLIGHT_COLORS } from '../../src/ui/common/colors';
import { REPAIR_GROUPS } from '../../src/ui/popup/repairGroups';
import { CSV_COLUMNS } from '../../src/storage/export';
import { pickPlural } from '../../src/ui/plural';

// Paths from the repository root, where Vitest runs.
const SRC = resolve('src');
const ROOT = resolve('.');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Message keys the code names: string literals shaped like `section.key` whose section is a message section, and the manifest's __MSG_x__. */
function keysInCode(sections: Set<string>): Set<string> {
  const keys = new Set<string>();
  const sources = [...files(join(SRC, 'ui')), ...files(join(SRC, 'background')), join(ROOT, 'wxt.config.ts')];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"]([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)['"]/g)) if (sections.has(m[1].split('.')[0])) keys.add(m[1]);
    for (const m of text.matchAll(/__MSG_(\w+)__/g)) keys.add(m[1].replace(/_/g, '.'));
    for (const m of text.matchAll(/\btr\('(\w+)'/g)) keys.add(m[1]);
  }
  return keys;
}

/** Keys built from a value (`popup.group.${id}`): every value the code can produce. */
function keysFromFamilies(): string[] {
  const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return [
    ...LAYER_ORDER.map((l) => `layer.${camel(l)}`),
    ...LAYER_ORDER.map((l) => `key.meaning.${camel(l)}`),
    ...Object.keys(HIGHLIGHT_COLORS).map((c) => `color.${c}`),
    ...REPAIR_GROUPS.map((g) => `popup.group.${g.id}`),
    ...['figures', 'terms', 'pledges', 'annotations'].map((c) => `popup.count.${c}`),
    ...['always', 'ask', 'never'].map((m) => `mode.${m}`),
    ...['pending', 'progress', 'met', 'partly', 'missed', 'overdue'].map((s) => `status.${s}`),
    ...['amount', 'percent', 'count', 'rank', 'ratio', 'date'].map((k) => `figure.kind.${k}`),
    ...['unicode', 'entity', 'mojibake', 'pinyin', 'traditional', 'spun', 'layout'].map((k) => `repair.kind.${k}`),
    ...['report', 'builtin', 'user', 'none'].map((s) => `term.source.${s}`),
    ...['figure', 'term', 'repair', 'suggestion', 'user', 'pledge'].map((k) => `tip.title.${k}`),
    ...['markdown', 'csv', 'jsonld', 'backup'].flatMap((f) => [`panel.export.${f}`, `panel.export.${f}Help`]),
    ...CSV_COLUMNS.map((c) => `panel.export.column.${c}`),
    ...['kind', 'value', 'unit', 'target', 'subject', 'text'].map((c) => `panel.figures.col.${c}`),
    ...['all', 'achieved', 'target'].map((f) => `panel.figures.show.${f}`),
    ...['quota', 'closed', 'blocked', 'invalid', 'unknown'].map((c) => `error.storage.${c}`),
  ];
}

describe('message files', () => {
  let en: Record<string, { message: string }>;
  let zh: Record<string, { message: string }>;
  beforeAll(async () => {
    [en, zh] = await Promise.all([chromeMessages('en'), chromeMessages('zh_CN')]);
  });

  it('have the same keys in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have every message the code asks for, in both languages (the context menu\'s note item included)', () => {
    const sections = new Set(Object.keys(en).map((k) => k.split('_')[0]));
    const wanted = [...keysInCode(sections), ...keysFromFamilies(), 'menuNote', 'cmdPrevMark', 'locale'];
    const missing = (messages: Record<string, unknown>) => wanted.filter((k) => !messages[k.replace(/\./g, '_')]);
    expect(missing(en)).toEqual([]);
    expect(missing(zh)).toEqual([]);
  });

  it('have no English sentence in the Chinese UI', () => {
    // Names that stay Latin in Chinese text: the product, file formats, standards, browser addresses and keys.
    const NAMES = /GovLens|Markdown|JSON-LD|JSON|CSV|HTML|W3C Web Annotation|Web Annotation|gov\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|chrome:\/\/\S+|Alt|Shift|Ctrl|WebDAV|Nextcloud|ownCloud|NAS|https?:\/\/\S*/g;
    const english = Object.entries(zh)
      .map(([k, v]) => [k, v.message.replace(NAMES, '')] as const)
      .filter(([, m]) => /[A-Za-z]{2,}[\s,.;:]+[A-Za-z]{2,}/.test(m) || /[A-Za-z]{4,}/.test(m));
    expect(english).toEqual([]);
  });

  it('write every count in English with its plural forms', () => {
    // Messages that take a count and name what is counted ("$1 results") must have "one | other" forms.
    const counted = Object.entries(en).filter(([, v]) => /\$1 [a-z]+s\b/.test(v.message) || /\$2 [a-z]+s\b/.test(v.message));
    expect(counted.filter(([, v]) => !v.message.includes(' | ')).map(([k]) => k)).toEqual([]);
  });
});

describe('plural forms', () => {
  it('pick one or other by Intl.PluralRules', () => {
    expect(pickPlural('$1 result | $1 results', 1, 'en')).toBe('$1 result');
    expect(pickPlural('$1 result | $1 results', 0, 'en')).toBe('$1 results');
    expect(pickPlural('$1 result | $1 results', 2, 'en')).toBe('$1 results');
    expect(pickPlural('共 $1 条结果', 1, 'zh')).toBe('共 $1 条结果');
  });
});

async function loadUi(locale: 'en' | 'zh_CN') {
  vi.resetModules();
  await installChromeI18n(locale);
  const i18n = await import('../../src/ui/i18n');
  const { Tooltip } = await import('../../src/ui/page/Tooltip');
  return { ...i18n, Tooltip };
}

const getRoot = preactRoot();

describe('the English UI', () => {
  it('says "1 result in 1 report" and "2 results in 3 reports", "1 figure", "1 pledge under 1 heading"', async () => {
    const { t, tn, isZh } = await loadUi('en');
    expect(isZh()).toBe(false);
    const count = (results: number, reports: number) => t('panel.search.count', [tn('panel.search.results', results), tn('panel.search.reports', reports)]);
    expect(count(1, 1)).toBe('1 result in 1 report');
    expect(count(2, 3)).toBe('2 results in 3 reports');
    expect(tn('popup.count.figures', 1, [])).toBe('figure');
    expect(tn('popup.count.figures', 345, [])).toBe('figures');
    expect(t('panel.outline.summary', [tn('panel.outline.pledgeCount', 1), tn('panel.outline.headingCount', 1), tn('panel.outline.targetCount', 0), tn('panel.outline.actionCount', 1)])).toBe(
      '1 pledge under 1 heading (0 targets, 1 action)',
    );
    expect(tn('panel.pledges.shown', 1, [1, 1])).toBe('1 of 1 pledge');
    expect(t('panel.import.done', [tn('panel.import.reports', 1), tn('panel.import.highlights', 2), tn('panel.import.pledges', 0)])).toBe(
      'Imported 1 report, 2 highlights and 0 pledges.',
    );
  });

  it('writes a figure in million/billion, never "thousand", and a date as a date', async () => {
    const { Tooltip } = await loadUi('en');
    const show = (figure: object) => {
      act(() => render(<Tooltip subject={{ kind: 'figure', figure: figure as never }} x={10} y={10} onClose={() => {}} />, getRoot()));
      return getRoot().querySelector('.gl-plain')?.textContent ?? '';
    };
    expect(show({ text: '640亿元', kind: 'amount', value: 6.4e10, unit: '元', target: true })).toBe('= 64 billion yuan');
    expect(show({ text: '74383元', kind: 'amount', value: 74383, unit: '元', target: false })).toBe('= 74,383 yuan');
    expect(show({ text: '2025年', kind: 'date', value: 2025, unit: '年', target: false })).toBe('');
  });
});

describe('the Chinese UI', () => {
  it('is Chinese even when @@ui_locale says en_US (Chromium with --lang=zh-CN does)', async () => {
    const { isZh, t, tn } = await loadUi('zh_CN');
    expect(isZh()).toBe(true);
    expect(t('panel.search.count', [tn('panel.search.results', 1), tn('panel.search.reports', 1)])).toBe('共 1 条结果，来自 1 份报告');
  });

  it('writes figures with 万 and 亿 in tooltips, and dates as written', async () => {
    const { Tooltip } = await loadUi('zh_CN');
    const show = (figure: object) => {
      act(() => render(<Tooltip subject={{ kind: 'figure', figure: figure as never }} x={10} y={10} onClose={() => {}} />, getRoot()));
      return getRoot().querySelector('.gl-plain')?.textContent ?? '';
    };
    expect(show({ text: '7.4383万元', kind: 'amount', value: 74383, unit: '元', target: false })).toBe('= 7.44万元');
    expect(show({ text: '六百四十亿元', kind: 'amount', value: 6.4e10, unit: '元', target: true })).toBe('= 640亿元');
    // A date is shown as written: no "= 2.02 thousand 年", no "= 2025年" repeating the mark.
    expect(show({ text: '2025年', kind: 'date', value: 2025, unit: '年', target: false })).toBe('');
    expect(getRoot().textContent).not.toMatch(/thousand|billion|million/);
  });
});
