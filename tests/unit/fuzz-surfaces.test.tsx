// @vitest-environment happy-dom
/**
 * Every surface that shows a reader's or a page's text, fed arbitrary strings (fast-check):
 * the tooltip and selection toolbar, the side panel's cards, search hits and pledges, the
 * popup, and the Markdown, CSV and JSON-LD exports. None may create an element or an
 * attribute from the text (no markup run, nothing that could fetch), and the CSV never
 * hands a spreadsheet a formula.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { preactRoot } from '../support/preact-root';

vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  tn: (key: string, n: number, subs?: unknown[]) => `${key}(${(subs ?? [n]).join(',')})`,
  isZh: () => true,
}));
vi.mock('../../src/ui/sidepanel/data', () => ({ PLEDGE_STATUSES: ['pending', 'met', 'missed', 'unclear'] }));

import { Tooltip } from '../../src/ui/page/Tooltip';
import { Notice } from '../../src/ui/page/Notice';
import { AnnotationCard } from '../../src/ui/sidepanel/AnnotationCard';
import { SearchTab } from '../../src/ui/sidepanel/SearchTab';
import { PledgesTab } from '../../src/ui/sidepanel/PledgesTab';
import { ThisPageTab } from '../../src/ui/sidepanel/ThisPageTab';
import { PopupView } from '../../src/ui/popup/PopupView';
import { toCsv, toJsonLd, toMarkdown } from '../../src/storage/export';
import type { AnnotationRecord, PageItems, PageState, ReportRecord } from '../../src/shared/messages';
import type { NoteRow, SavedPledge, SearchGroup } from '../../src/ui/sidepanel/data';

const getRoot = preactRoot();

/** Strings a hostile page or a careless paste could hold, mixed into arbitrary Unicode. */
const NASTY = [
  '<img src=x onerror=alert(1)>',
  '<script>fetch("//evil.example")</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<style>@import url(//evil.example/x.css)</style>',
  '<link rel=prefetch href=//evil.example>',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;b&gt;',
  // A blank line ends a Markdown code span (a tag's), and what follows would be read as Markdown.
  'x\n\n<img src=x onerror=alert(1)>',
  '\u202e\u200b\ufeff',
];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 10 })).map((p) => p.join('')) },
);

/** Tags of elements GovLens's own markup uses; anything else came from the text. */
const OWN_TAGS = new Set(['H1', 'H4', 'I', 'DIV', 'SPAN', 'P', 'BUTTON', 'UL', 'LI', 'BLOCKQUOTE', 'FORM', 'TEXTAREA', 'INPUT', 'LABEL', 'STRONG', 'H2', 'H3', 'SECTION', 'HEADER', 'SELECT', 'OPTION', 'A', 'SMALL', 'EM', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'PROGRESS', 'FIELDSET', 'LEGEND', 'DETAILS', 'SUMMARY', 'TIME', 'B', 'CODE', 'Q', 'MARK', 'NAV', 'MAIN', 'ARTICLE', 'FOOTER']);

let fetches = 0;
beforeAll(() => {
  vi.stubGlobal('fetch', () => {
    fetches++;
    return Promise.reject(new Error('no network in GovLens'));
  });
});
afterAll(() => vi.unstubAllGlobals());

/** Nothing in the rendered tree came from the text as markup: no foreign element, no handler, no resource URL. */
function expectInert(root: Element, inputs: string[]): void {
  for (const el of root.querySelectorAll('*')) {
    // GovLens's own icon in the popup's header (a fixed address in the extension).
    if (el.tagName === 'IMG' && el.getAttribute('src') === '/icon/32.png' && el.getAttributeNames().every((a) => ['src', 'width', 'height', 'alt'].includes(a))) continue;
    expect(OWN_TAGS.has(el.tagName), `element <${el.tagName}>`).toBe(true);
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `attribute ${attr}`).toBe(false);
      expect(['src', 'srcset', 'action', 'formaction', 'background', 'poster', 'data'].includes(attr), `attribute ${attr}`).toBe(false);
    }
    const href = el.getAttribute('href');
    if (href !== null) expect(href, 'link').toMatch(/^https?:\/\//);
  }
  // What the reader wrote is shown, as written.
  const shown = root.textContent ?? '';
  for (const s of inputs) if (s.trim() && !/[\u0000-\u001f\ud800-\udfff]/.test(s)) expect(shown).toContain(s);
  expect(fetches).toBe(0);
}

const annotation = (note: string, exact: string, tags: string[]): AnnotationRecord => ({
  id: 'a1',
  reportId: 'r1',
  url: 'http://www.huli.gov.cn/a.html',
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  exact,
  note,
  tags,
  color: 'yellow',
  createdAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 1),
  orphan: false,
  origin: 'user',
});

const RUNS = { numRuns: 150 };

describe('fuzzed text on every surface: shown as text, nothing run, nothing fetched', () => {
  it('the on-page tooltip (note, quote, tags, term, repair, pledge, shared note) and the failure card', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (note, exact, tags, other) => {
        for (const subject of [
          { kind: 'user' as const, annotation: { id: 'a', exact, note, tags, color: 'yellow' } },
          { kind: 'term' as const, term: { text: other, key: other, definition: note, source: 'user' as const } },
          { kind: 'repair' as const, repair: { before: exact, after: other, kind: 'spun' as const, confidence: 0.9 } },
          { kind: 'pledge' as const, pledge: { text: note, kind: 'action' as const, area: [other] } },
          // A read-only source's note (a teacher's sync folder): text from a server, not the reader.
          { kind: 'shared' as const, note: { key: 'k', source: other, exact, note, tags } },
        ]) {
          act(() => render(<Tooltip subject={subject} x={10} y={10} onClose={() => {}} />, getRoot()));
          expectInert(getRoot(), []);
          act(() => render(null, getRoot()));
        }
        act(() => render(<Tooltip subject={{ kind: 'user', annotation: { id: 'a', exact, note, tags, color: 'yellow' } }} x={10} y={10} onClose={() => {}} />, getRoot()));
        expectInert(getRoot(), [note, exact, ...tags]);
        act(() => render(<Notice message={other} note={note} onClose={() => {}} />, getRoot()));
        expectInert(getRoot(), [other, note]);
        act(() => render(null, getRoot()));
      }),
      RUNS,
    );
  });

  it('the side panel: highlight cards, this page, search hits and saved pledges', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, text, (note, exact, tags, title, url) => {
        const a = annotation(note, exact, tags);
        act(() => render(<ul><AnnotationCard annotation={a} onSave={() => {}} onDelete={() => {}} /></ul>, getRoot()));
        expectInert(getRoot(), [note, exact, ...tags]);

        const items: PageItems = {
          report: { url, title, region: title, year: 2025, fingerprint: '' },
          figures: [],
          terms: [],
          glossary: [],
          pledges: [{ index: 0, text: note, kind: 'target', area: [title], dueYear: 2025 }],
          annotations: [a],
          orphans: [{ ...a, id: 'a2', orphan: true }],
          reportId: 'r1',
          later: null,
        };
        const saved: SavedPledge = { id: 'p', text: note, region: title, year: 2024, dueYear: 2025, status: 'pending', note: exact, figureText: title, reportId: 'r0', reportTitle: title, reportUrl: url, updatedAt: 1, kind: 'action', area: [title], direction: null, figure: null, evidence: [{ sentence: exact, reportId: 'r1', reportTitle: title, url: 'http://www.huli.gov.cn/a.html', year: 2025, at: 1 }] };
        const noop = async () => {};
        act(() => render(<ThisPageTab items={items} onScrollTo={() => {}} onReattach={async () => false} onSaveAnnotation={noop} onDeleteAnnotation={noop} />, getRoot()));
        expectInert(getRoot(), [note, exact]);
        act(() => render(<PledgesTab page={items} pledges={[saved]} followUps={[]} year={2026} onUpdate={noop} onSave={noop} onScrollTo={() => {}} onRate={noop} onScrollToEvidence={() => {}} />, getRoot()));
        expectInert(getRoot(), [note]);
        act(() => render(null, getRoot()));
      }),
      RUNS,
    );
  });

  it('the side panel search results (titles, links, quotes, notes, tags)', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(text, { maxLength: 3 }), text, text, async (note, exact, tags, title, url) => {
        const groups: SearchGroup[] = [{ reportId: 'r', title, url, hits: [{ kind: 'annotation', id: 'a', text: exact, note, tags, url, updatedAt: 1 }] }];
        const notes: NoteRow[] = [{ kind: 'annotation', id: 'n', text: exact, note, tags, url, updatedAt: 1, reportTitle: title, color: 'yellow' } as NoteRow];
        act(() => render(<SearchTab search={async () => groups} notes={notes} tag={null} onTag={() => {}} onReveal={() => {}} />, getRoot()));
        expectInert(getRoot(), [note, exact, ...tags]);
        const input = getRoot().querySelector('input')!;
        await act(async () => {
          input.value = '查';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
        // The panel waits 200 ms for typing to settle, then searches.
        await act(() => new Promise((r) => setTimeout(r, 260)));
        await act(() => new Promise((r) => setTimeout(r, 0)));
        expectInert(getRoot(), [note, exact, title, ...tags]);
        act(() => render(null, getRoot()));
      }),
      { numRuns: 40 },
    );
  });

  it('the popup (the page address and detection signals come from the page)', () => {
    const base: PageState = {
      url: '',
      isReport: true,
      score: 0.9,
      signals: [],
      active: true,
      showingRepaired: true,
      fixes: 1,
      fixKinds: {},
      suggestions: 0,
      figures: 1,
      terms: 1,
      pledges: 1,
      annotations: 1,
      orphans: 0,
      layers: { fix: true, suggestion: true, 'figure-achieved': true, 'figure-target': true, 'figure-date': true, term: true, user: true, pledge: true, shared: true },
      siteMode: 'always',
      traditional: false,
      repairMarks: 'quiet',
    };
    const actions = { onToggleRepaired() {}, onSetLayer() {}, onSetMode() {}, onSetTraditional() {}, onSetRepairMarks() {}, onOpenPanel() {}, onOpenOptions() {}, onEnableTab() {}, onEnableSite() {} };
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (url, signals) => {
        act(() => render(<PopupView model={{ status: 'active', state: { ...base, url, signals } }} actions={actions} />, getRoot()));
        expectInert(getRoot(), []);
        act(() => render(<PopupView model={{ status: 'inactive', url, canEnable: true }} actions={actions} />, getRoot()));
        expectInert(getRoot(), []);
        act(() => render(null, getRoot()));
      }),
      RUNS,
    );
  });
});

/** RFC 4180 fields of a CSV document. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('fuzzed text in exports', () => {
  const report = (title: string): ReportRecord => ({ id: 'r1', canonicalUrl: 'http://www.huli.gov.cn/a.html', urls: ['http://www.huli.gov.cn/a.html'], title, region: '', year: 2025, fingerprint: '', createdAt: 1, updatedAt: 1 });
  const FORMULA = /^[=+@\t\r]|^-(?![\d.,%\s]*$)/;

  it('CSV: every field reads back as written, and none starts a formula', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (note, exact, tags, title) => {
        const rows = parseCsv(toCsv([report(title)], [annotation(note, exact || 'x', tags)]).slice(1));
        expect(rows.length).toBe(2);
        const [t, , q, n, tg] = rows[1];
        for (const [field, original] of [[t, title], [q, exact || 'x'], [n, note], [tg, tags.join(', ')]] as const) {
          expect(FORMULA.test(field), JSON.stringify(field)).toBe(false);
          expect(field === original || field === `'${original}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown: no raw HTML or link syntax from the text', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (note, exact, tags, title) => {
        const md = toMarkdown([report(title)], [annotation(note, exact || 'x', tags)]);
        // The report's own address line is ours; everything else must carry no live < or [.
        const body = md.split('\n').filter((l) => !/^<http:\/\/www\.huli\.gov\.cn\/a\.html>$/.test(l)).join('\n');
        const tagLine = (l: string) => /^`#/.test(l);
        for (const line of body.split('\n').filter((l) => !tagLine(l))) {
          expect(/(^|[^\\])[<[]/.test(line.replace(/\\\\/g, '')), line).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('JSON-LD: notes and tags travel exactly, as data', () => {
    fc.assert(
      fc.property(text, text, fc.array(text.filter((t) => t.trim() !== ''), { maxLength: 3 }), (note, exact, tags) => {
        const doc = JSON.parse(JSON.stringify(toJsonLd([annotation(note, exact || 'x', tags)])));
        const bodies = (doc.items[0].body ?? []) as Array<{ value: string; purpose: string }>;
        expect(bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual(note ? [note] : []);
        expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(tags);
      }),
      { numRuns: 300 },
    );
  });
});
