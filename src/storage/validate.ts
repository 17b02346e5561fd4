/**
 * Record validation shared by the repository (user input) and import (files). Each check
 * returns null when valid, else a short description of the first problem.
 */
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isYear = (v: unknown) => v === null || (isNum(v) && Number.isInteger(v));

/** Page URLs end up as links in the UI: only web and file pages, never javascript: etc. */
export function isPageUrl(url: string): boolean {
  return /^(https?|file):\/\/\S+$/i.test(url);
}

export const MAX_NOTE_LENGTH = 100_000;
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red', 'gray'];
export const PLEDGE_STATUSES = ['pending', 'progress', 'met', 'partly', 'missed'] as const;
const PLEDGE_KINDS = ['target', 'action'];
const DIRECTIONS = ['floor', 'ceiling', 'about', 'exact'];
const VERDICTS = ['met', 'partly', 'missed'];

function checkQuote(q: unknown, required: boolean): string | null {
  if (q === undefined && !required) return null;
  if (!isObj(q) || q.type !== 'TextQuoteSelector') return 'quote must be a TextQuoteSelector';
  if (!isStr(q.exact)) return 'quote.exact must be a string';
  if (q.prefix !== undefined && !isStr(q.prefix)) return 'quote.prefix must be a string';
  if (q.suffix !== undefined && !isStr(q.suffix)) return 'quote.suffix must be a string';
  return null;
}

function checkPosition(p: unknown, required: boolean): string | null {
  if (p === undefined && !required) return null;
  if (!isObj(p) || p.type !== 'TextPositionSelector') return 'position must be a TextPositionSelector';
  if (!isNum(p.start) || !isNum(p.end) || p.start < 0 || p.end < p.start) return 'position needs 0 ≤ start ≤ end';
  return null;
}

export function checkReport(r: unknown): string | null {
  if (!isObj(r)) return 'not an object';
  if (!isStr(r.id) || !r.id) return 'id must be a non-empty string';
  if (!isStr(r.canonicalUrl) || !r.canonicalUrl) return 'canonicalUrl must be a non-empty string';
  if (!Array.isArray(r.urls) || !r.urls.every(isStr)) return 'urls must be a list of strings';
  if (!isStr(r.title)) return 'title must be a string';
  if (!isStr(r.region)) return 'region must be a string';
  if (!isYear(r.year)) return 'year must be an integer or null';
  if (!isStr(r.fingerprint)) return 'fingerprint must be a string';
  if (!isNum(r.createdAt) || !isNum(r.updatedAt)) return 'createdAt/updatedAt must be numbers';
  return null;
}

export function checkAnnotation(a: unknown): string | null {
  if (!isObj(a)) return 'not an object';
  if (!isStr(a.id) || !a.id) return 'id must be a non-empty string';
  if (!isStr(a.reportId) || !a.reportId) return 'reportId must be a non-empty string';
  if (!isStr(a.url) || !isPageUrl(a.url)) return 'url must be an http(s) or file URL';
  const q = checkQuote(a.quote, true) ?? checkPosition(a.position, true);
  if (q) return q;
  if (!isStr(a.exact) || a.exact !== (a.quote as { exact: string }).exact) return 'exact must equal quote.exact';
  if (!isStr(a.note) || a.note.length > MAX_NOTE_LENGTH) return `note must be a string of at most ${MAX_NOTE_LENGTH} characters`;
  if (!Array.isArray(a.tags) || !a.tags.every(isStr)) return 'tags must be a list of strings';
  if (!isStr(a.color)) return 'color must be a string';
  if (!isNum(a.createdAt) || !isNum(a.updatedAt)) return 'createdAt/updatedAt must be numbers';
  if (typeof a.orphan !== 'boolean') return 'orphan must be true or false';
  if (a.origin !== 'user' && a.origin !== 'import') return "origin must be 'user' or 'import'";
  return null;
}

export function checkPledge(p: unknown): string | null {
  if (!isObj(p)) return 'not an object';
  if (!isStr(p.id) || !p.id) return 'id must be a non-empty string';
  if (!isStr(p.reportId)) return 'reportId must be a string';
  if (!isStr(p.text) || !p.text) return 'text must be a non-empty string';
  if (!isStr(p.region)) return 'region must be a string';
  if (!isYear(p.year) || !isYear(p.dueYear)) return 'year/dueYear must be integers or null';
  if (p.figure !== null) {
    const f = p.figure;
    if (!isObj(f) || !isNum(f.value) || !isStr(f.unit) || !isStr(f.text)) return 'figure must be {value, unit, text} or null';
  }
  if (!(PLEDGE_STATUSES as readonly unknown[]).includes(p.status)) return `status must be one of ${PLEDGE_STATUSES.join(', ')}`;
  if (!isStr(p.note)) return 'note must be a string';
  if (!isStr(p.regionKey)) return 'regionKey must be a string';
  if (!PLEDGE_KINDS.includes(p.kind as string)) return 'kind must be target or action';
  if (!Array.isArray(p.area) || !p.area.every(isStr)) return 'area must be a list of strings';
  if (p.direction !== null && !DIRECTIONS.includes(p.direction as string)) return `direction must be one of ${DIRECTIONS.join(', ')} or null`;
  if (!Array.isArray(p.evidence)) return 'evidence must be a list';
  for (const e of p.evidence) {
    if (!isObj(e) || !isStr(e.sentence) || !isStr(e.reportId) || !isStr(e.reportTitle) || !isStr(e.url) || !isYear(e.year) || !isNum(e.at)) return 'evidence entries need sentence, reportId, reportTitle, url, year and at';
    if (e.proposed !== undefined && !VERDICTS.includes(e.proposed as string)) return 'evidence.proposed must be met, partly or missed';
    if (e.url && !isPageUrl(e.url)) return 'evidence.url must be an http(s) or file URL';
  }
  if (!Array.isArray(p.history) || !p.history.every((h) => isObj(h) && isNum(h.at) && ([...PLEDGE_STATUSES, 'unclear'] as unknown[]).includes(h.status))) return 'history must be a list of {status, at}';
  if (p.selectors !== null) {
    if (!isObj(p.selectors)) return 'selectors must be an object or null';
    const s = checkQuote(p.selectors.quote, false) ?? checkPosition(p.selectors.position, false);
    if (s) return s;
  }
  if (!isNum(p.createdAt) || !isNum(p.updatedAt)) return 'createdAt/updatedAt must be numbers';
  return null;
}

export function checkGlossary(g: unknown): string | null {
  if (!isObj(g)) return 'not an object';
  if (!isStr(g.term) || !g.term.trim()) return 'term must be a non-empty string';
  if (!isStr(g.definition)) return 'definition must be a string';
  if (!isNum(g.updatedAt)) return 'updatedAt must be a number';
  return null;
}

export function checkSetting(s: unknown): string | null {
  if (!isObj(s)) return 'not an object';
  if (!isStr(s.key) || !s.key) return 'key must be a non-empty string';
  if (!('value' in s)) return 'value is missing';
  return null;
}

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
