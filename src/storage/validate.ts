/**
 * Record validation shared by the repository (user input), import (files) and export (what
 * is already stored). Every field of every record is checked against the schema: types,
 * well-formed ids, dates in a sane range, bounded strings. Each `*Problem` function returns
 * the first problem as data ({field, rule, limit}), so the UI can say it in the reader's
 * language; the `check*` functions say it in English for errors and logs.
 */
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';

export type Rule =
  | 'object' // not an object
  | 'type' // wrong type (string, number, list …)
  | 'required' // missing or empty
  | 'id' // not a well-formed id
  | 'date' // not a date between MIN_DATE and MAX_DATE
  | 'length' // longer than `limit` characters (or items)
  | 'url' // not an http(s) or file URL
  | 'integer' // not an integer in range
  | 'enum' // not one of the allowed values
  | 'selector' // malformed quote or position selector
  | 'mismatch'; // disagrees with another field

export interface Problem {
  field: string;
  rule: Rule;
  limit?: number;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Page URLs end up as links in the UI: only web and file pages, never javascript: etc. */
export function isPageUrl(url: string): boolean {
  return /^(https?|file):\/\/\S+$/i.test(url);
}

// Dates are epoch milliseconds. 0 is allowed: records migrated from v1 with an unreadable date carry it.
export const MIN_DATE = 0;
/** 2100-01-01: later than any real note, far below where Date stops (8.64e15, where toISOString throws). */
export const MAX_DATE = Date.UTC(2100, 0, 1);

export const MAX_ID_LENGTH = 200;
export const MAX_URL_LENGTH = 4_096;
export const MAX_NOTE_LENGTH = 100_000;
export const MAX_QUOTE_LENGTH = 100_000;
export const MAX_CONTEXT_LENGTH = 1_000;
export const MAX_TITLE_LENGTH = 2_000;
export const MAX_SHORT_LENGTH = 200;
export const MAX_TAGS = 200;
export const MAX_URLS = 1_000;
export const MAX_PLEDGE_TEXT_LENGTH = 10_000;
export const MAX_DEFINITION_LENGTH = 10_000;
export const MAX_SETTING_LENGTH = 100_000;
export const MAX_FINGERPRINT_LENGTH = 4_096;
/** Text positions: far beyond any page GovLens reads. */
export const MAX_POSITION = 1e9;

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red', 'gray'];
export const PLEDGE_STATUSES = ['pending', 'progress', 'met', 'partly', 'missed'] as const;
const PLEDGE_KINDS = ['target', 'action'];
const DIRECTIONS = ['floor', 'ceiling', 'about', 'exact'];
const VERDICTS = ['met', 'partly', 'missed'];
/** Evidence entries and status changes a pledge may carry. */
export const MAX_PLEDGE_ENTRIES = 1_000;

/** Printable, no whitespace or control characters: UUIDs, and the ids other annotation tools write. */
const ID = /^[^\s\u0000-\u001f\u007f-\u009f]+$/;

const p = (field: string, rule: Rule, limit?: number): Problem => (limit === undefined ? { field, rule } : { field, rule, limit });

function id(v: unknown, field: string): Problem | null {
  if (!isStr(v) || !v) return p(field, 'required');
  if (v.length > MAX_ID_LENGTH) return p(field, 'length', MAX_ID_LENGTH);
  return ID.test(v) ? null : p(field, 'id');
}

function text(v: unknown, field: string, limit: number, required = false): Problem | null {
  if (!isStr(v)) return p(field, 'type');
  if (required && !v.trim()) return p(field, 'required');
  return v.length > limit ? p(field, 'length', limit) : null;
}

function date(v: unknown, field: string): Problem | null {
  return isNum(v) && v >= MIN_DATE && v < MAX_DATE ? null : p(field, 'date');
}

function url(v: unknown, field: string): Problem | null {
  if (!isStr(v) || !v) return p(field, 'required');
  if (v.length > MAX_URL_LENGTH) return p(field, 'length', MAX_URL_LENGTH);
  return isPageUrl(v) ? null : p(field, 'url');
}

function year(v: unknown, field: string): Problem | null {
  return v === null || (isNum(v) && Number.isInteger(v) && v >= 1900 && v <= 2200) ? null : p(field, 'integer');
}

function list(v: unknown, field: string, max: number, each: (x: unknown, field: string) => Problem | null): Problem | null {
  if (!Array.isArray(v)) return p(field, 'type');
  if (v.length > max) return p(field, 'length', max);
  for (let i = 0; i < v.length; i++) {
    const q = each(v[i], `${field}[${i}]`);
    if (q) return q;
  }
  return null;
}

const first = (...checks: Array<() => Problem | null>): Problem | null => {
  for (const c of checks) {
    const q = c();
    if (q) return q;
  }
  return null;
};

function quote(q: unknown, field: string, required: boolean): Problem | null {
  if (q === undefined && !required) return null;
  if (!isObj(q) || q.type !== 'TextQuoteSelector') return p(field, 'selector');
  return first(
    () => text(q.exact, `${field}.exact`, MAX_QUOTE_LENGTH),
    () => (q.prefix === undefined ? null : text(q.prefix, `${field}.prefix`, MAX_CONTEXT_LENGTH)),
    () => (q.suffix === undefined ? null : text(q.suffix, `${field}.suffix`, MAX_CONTEXT_LENGTH)),
  );
}

function position(v: unknown, field: string, required: boolean): Problem | null {
  if (v === undefined && !required) return null;
  if (!isObj(v) || v.type !== 'TextPositionSelector') return p(field, 'selector');
  const ok = (n: unknown) => isNum(n) && Number.isInteger(n) && n >= 0 && n <= MAX_POSITION;
  if (!ok(v.start) || !ok(v.end) || (v.end as number) < (v.start as number)) return p(field, 'selector');
  return null;
}

export function reportProblem(r: unknown): Problem | null {
  if (!isObj(r)) return p('', 'object');
  return first(
    () => id(r.id, 'id'),
    () => url(r.canonicalUrl, 'canonicalUrl'),
    () => list(r.urls, 'urls', MAX_URLS, url),
    () => text(r.title, 'title', MAX_TITLE_LENGTH),
    () => text(r.region, 'region', MAX_SHORT_LENGTH),
    () => (r.regionKey === undefined ? null : text(r.regionKey, 'regionKey', MAX_SHORT_LENGTH)),
    () => year(r.year, 'year'),
    () => (isStr(r.fingerprint) && /^[0-9a-f]*$/.test(r.fingerprint) ? text(r.fingerprint, 'fingerprint', MAX_FINGERPRINT_LENGTH) : p('fingerprint', 'type')),
    () => date(r.createdAt, 'createdAt'),
    () => date(r.updatedAt, 'updatedAt'),
  );
}

export function annotationProblem(a: unknown): Problem | null {
  if (!isObj(a)) return p('', 'object');
  return first(
    () => id(a.id, 'id'),
    () => id(a.reportId, 'reportId'),
    () => url(a.url, 'url'),
    () => quote(a.quote, 'quote', true),
    () => position(a.position, 'position', true),
    () => (isStr(a.exact) && a.exact === (a.quote as { exact: string }).exact ? null : p('exact', 'mismatch')),
    () => text(a.note, 'note', MAX_NOTE_LENGTH),
    () => list(a.tags, 'tags', MAX_TAGS, (t, f) => text(t, f, MAX_SHORT_LENGTH, true)),
    () => (isStr(a.color) && /^[a-z]{1,20}$/.test(a.color) ? null : p('color', 'enum')),
    () => date(a.createdAt, 'createdAt'),
    () => date(a.updatedAt, 'updatedAt'),
    () => (typeof a.orphan === 'boolean' ? null : p('orphan', 'type')),
    () => (a.origin === 'user' || a.origin === 'import' ? null : p('origin', 'enum')),
  );
}

export function pledgeProblem(x: unknown): Problem | null {
  if (!isObj(x)) return p('', 'object');
  return first(
    () => id(x.id, 'id'),
    // A pledge typed in by hand may belong to no report.
    () => (x.reportId === '' ? null : id(x.reportId, 'reportId')),
    () => text(x.text, 'text', MAX_PLEDGE_TEXT_LENGTH, true),
    () => text(x.region, 'region', MAX_SHORT_LENGTH),
    () => year(x.year, 'year'),
    () => year(x.dueYear, 'dueYear'),
    () => {
      if (x.figure === null) return null;
      const f = x.figure;
      if (!isObj(f) || !isNum(f.value)) return p('figure', 'type');
      return text(f.unit, 'figure.unit', MAX_SHORT_LENGTH) ?? text(f.text, 'figure.text', MAX_TITLE_LENGTH);
    },
    () => ((PLEDGE_STATUSES as readonly unknown[]).includes(x.status) ? null : p('status', 'enum')),
    () => text(x.note, 'note', MAX_NOTE_LENGTH),
    () => text(x.regionKey, 'regionKey', MAX_SHORT_LENGTH),
    () => (PLEDGE_KINDS.includes(x.kind as string) ? null : p('kind', 'enum')),
    () => list(x.area, 'area', MAX_TAGS, (a, f) => text(a, f, MAX_TITLE_LENGTH)),
    () => (x.direction === null || DIRECTIONS.includes(x.direction as string) ? null : p('direction', 'enum')),
    () =>
      list(x.evidence, 'evidence', MAX_PLEDGE_ENTRIES, (e, f) => {
        if (!isObj(e)) return p(f, 'object');
        return first(
          () => text(e.sentence, `${f}.sentence`, MAX_PLEDGE_TEXT_LENGTH),
          () => (e.reportId === '' ? null : id(e.reportId, `${f}.reportId`)),
          () => text(e.reportTitle, `${f}.reportTitle`, MAX_TITLE_LENGTH),
          () => (e.url === '' ? null : url(e.url, `${f}.url`)),
          () => year(e.year, `${f}.year`),
          () => date(e.at, `${f}.at`),
          () => (e.proposed === undefined || VERDICTS.includes(e.proposed as string) ? null : p(`${f}.proposed`, 'enum')),
        );
      }),
    () =>
      list(x.history, 'history', MAX_PLEDGE_ENTRIES, (h, f) => {
        if (!isObj(h)) return p(f, 'object');
        if (!([...PLEDGE_STATUSES, 'unclear'] as unknown[]).includes(h.status)) return p(`${f}.status`, 'enum');
        return date(h.at, `${f}.at`);
      }),
    () => {
      if (x.selectors === null) return null;
      if (!isObj(x.selectors)) return p('selectors', 'selector');
      return quote(x.selectors.quote, 'selectors.quote', false) ?? position(x.selectors.position, 'selectors.position', false);
    },
    () => date(x.createdAt, 'createdAt'),
    () => date(x.updatedAt, 'updatedAt'),
  );
}

export function glossaryProblem(g: unknown): Problem | null {
  if (!isObj(g)) return p('', 'object');
  return first(
    () => text(g.term, 'term', MAX_SHORT_LENGTH, true),
    () => text(g.definition, 'definition', MAX_DEFINITION_LENGTH),
    () => date(g.updatedAt, 'updatedAt'),
  );
}

export function settingProblem(s: unknown): Problem | null {
  if (!isObj(s)) return p('', 'object');
  return first(
    () => text(s.key, 'key', MAX_SHORT_LENGTH, true),
    () => {
      if (!('value' in s)) return p('value', 'required');
      let size = Infinity;
      try {
        size = JSON.stringify(s.value ?? null).length;
      } catch {
        return p('value', 'type');
      }
      return size > MAX_SETTING_LENGTH ? p('value', 'length', MAX_SETTING_LENGTH) : null;
    },
  );
}

const RULE_TEXT: Record<Rule, (limit?: number) => string> = {
  object: () => 'not an object',
  type: () => 'has the wrong type',
  required: () => 'is missing or empty',
  id: () => 'is not a well-formed id',
  date: () => 'is not a date between 1970 and 2100',
  length: (n) => `is longer than ${n}`,
  url: () => 'is not an http(s) or file URL',
  integer: () => 'is not a whole number in range',
  enum: () => 'is not one of the allowed values',
  selector: () => 'is not a well-formed selector',
  mismatch: () => 'disagrees with the quote',
};

/** A problem in English, e.g. "createdAt is not a date between 1970 and 2100". */
export function problemText(q: Problem): string {
  return `${q.field || 'record'} ${RULE_TEXT[q.rule](q.limit)}`;
}

const asText = (q: Problem | null) => (q ? problemText(q) : null);
export const checkReport = (r: unknown) => asText(reportProblem(r));
export const checkAnnotation = (a: unknown) => asText(annotationProblem(a));
export const checkPledge = (x: unknown) => asText(pledgeProblem(x));
export const checkGlossary = (g: unknown) => asText(glossaryProblem(g));
export const checkSetting = (s: unknown) => asText(settingProblem(s));

export type Checked = ReportRecord | AnnotationRecord | PledgeRecord | GlossaryRecord | SettingRecord;

/** Tags as stored: trimmed, non-empty, unique, in first-seen order. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const t of tags ?? []) {
    const s = t.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
