import { hasCue, insideBlocker, isQuoted, numericBoundaryOk } from './boundaries';
import { builtinCompiled, definitionOf, sloganStoplists } from './builtin';
import { findNumberedSlogans } from './numbered';
import { findNumberedMeetings } from './meetings';
import { findCoinedTerms, type CoinedTerm } from './coined';
import { findEventNames, findPlaceNames, findProgrammeNames } from './programmes';
import { alternativesOf, compileGlossarySteps, type CompiledForm, type CompiledGlossary } from './compiled';
import { parseReportGlossary } from './report-glossary';
import { runSteps } from '../steps';
import type { GlossaryEntry, Term, TermPart } from './types';
import { findRegionalCampaigns } from './regional';
import { withoutOverlaps } from './spans';

export type { GlossaryEntry, Term, TermSource, TermAlternative, TermCategory, TermPart } from './types';
export { parseReportGlossary, findGlossarySection } from './report-glossary';
export { findCoinedTerms } from './coined';
export { findNumberedSlogans } from './numbered';
export { findNumberedMeetings } from './meetings';
export { findEventNames, findPlaceNames, findProgrammeNames } from './programmes';
export type { BuiltinGlossaryData } from './builtin';
export { provideBuiltinGlossary, builtinEntries, builtinExplained, builtinExplanationState, compileBuiltinInSteps, explainBuiltinInSteps, markBuiltinExplanationsUnavailable } from './builtin';

export interface FindTermsOptions {
  /** The user's own entries; they win over report and built-in ones. */
  user?: GlossaryEntry[];
  /**
   * The report's own glossary. When omitted it is parsed from `text` (its 名词解释 section);
   * pass [] to skip that.
   */
  report?: GlossaryEntry[];
  /** Return quoted coined phrases that have no entry (definition null). Default true. */
  coined?: boolean;
}

/** Forms of at most this many characters need quotes or a cue unless the entry says `bare`. */
const SHORT_FORM = 2;

// The built-in spelling index is built once (./builtin); the small user/report sets get an index of
// their own, cached by content a few at a time, so a report's 名词解释 never rebuilds the large one.
const extraCache = new Map<string, CompiledGlossary>();
const EXTRA_CACHE_SIZE = 8;

function signature(entries: readonly GlossaryEntry[]): string {
  return entries
    .map((e) =>
      [e.source, e.term, (e.variants ?? []).join('\u0002'), e.definition, e.bare ? 'b' : '', e.strict ? 's' : '', (e.cues ?? []).join('\u0002'), (e.blockers ?? []).join('\u0002')].join('\u0001'),
    )
    .join('\u0003');
}

function compiledExtra(user: readonly GlossaryEntry[], report: readonly GlossaryEntry[], builtin: CompiledGlossary): CompiledGlossary | undefined {
  if (user.length === 0 && report.length === 0) return undefined;
  const key = `${signature(user)}\u0004${signature(report)}`;
  let compiled = extraCache.get(key);
  if (compiled && compiledBelow.get(compiled) !== builtin) compiled = undefined;
  if (compiled) {
    extraCache.delete(key); // refresh LRU position
  } else {
    compiled = runSteps(compileGlossarySteps([user, report], 0, builtin));
    compiledBelow.set(compiled, builtin);
    if (extraCache.size >= EXTRA_CACHE_SIZE) extraCache.delete(extraCache.keys().next().value!);
  }
  extraCache.set(key, compiled);
  return compiled;
}

/** Which built-in spelling index an extra one took its alternatives from (a new built-in source invalidates it). */
const compiledBelow = new WeakMap<CompiledGlossary, CompiledGlossary>();

function accept(text: string, start: number, end: number, form: CompiledForm): boolean {
  if (form.numericEdge && !numericBoundaryOk(text, start, end)) return false;
  const { entry } = form;
  if (entry.blockers && insideBlocker(text, start, end, entry.blockers)) return false;
  if (entry.strict || (end - start <= SHORT_FORM && !entry.bare)) {
    return isQuoted(text, start, end) || hasCue(text, start, end, form.entry.cues);
  }
  return true;
}

interface Candidate {
  start: number;
  end: number;
  form: CompiledForm;
}

/** Leftmost-longest selection; on equal spans the higher-priority layer wins. */
function selectLeftmostLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.form.layer - b.form.layer);
  const out: Candidate[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}

/**
 * Finds slogan terms in `text`: glossary entries (user > report > built-in) in one pass of a spelling index
 * pass with leftmost-longest matching, plus quoted coined terms without an entry.
 * Offsets are UTF-16 indices into `text`, sorted by start.
 */
export function findTerms(text: string, options: FindTermsOptions = {}): Term[] {
  const user = options.user ?? [];
  const report = options.report ?? parseReportGlossary(text);
  const builtin = builtinCompiled();
  const extra = compiledExtra(user, report, builtin);

  const candidates: Candidate[] = [];
  for (const compiled of extra ? [extra, builtin] : [builtin]) {
    compiled.index.scan(text, (start, end, payload) => {
      const form = compiled.forms[payload];
      if (accept(text, start, end, form)) candidates.push({ start, end, form });
    });
  }
  const chosen = selectLeftmostLongest(candidates);

  const terms: Term[] = chosen.map(({ start, end, form }) => {
    const { entry } = form;
    const term: Term = { start, end, text: text.slice(start, end), key: entry.term, definition: definitionOf(entry), source: entry.source };
    if (entry.en) term.en = entry.en;
    if (entry.gloss) term.gloss = entry.gloss;
    if (entry.since) term.since = entry.since;
    if (entry.firstDoc) term.firstDoc = entry.firstDoc;
    if (entry.category) term.category = entry.category;
    const alternatives = alternativesOf(form);
    if (alternatives.length) term.alternatives = alternatives;
    return term;
  });

  const withMeetings = mergeMeetings(text, terms);
  if (options.coined === false) return withMeetings;
  return mergeCoined(text, withMeetings);
}

/** Adds numbered meetings and plans (./meetings) that no entry match overlaps: an entry's own explanation wins. */
function mergeMeetings(text: string, terms: Term[]): Term[] {
  // Regional editions of national campaigns (平安山东) are read by rule the same way.
  const meetings = [...findNumberedMeetings(text), ...findRegionalCampaigns(text)].sort((a, b) => a.start - b.start);
  if (!meetings.length) return terms;
  const kept = meetings.filter((m) => !terms.some((t) => t.start < m.end && t.end > m.start));
  return kept.length ? [...terms, ...kept].sort((a, b) => a.start - b.start) : terms;
}

/**
 * Adds coined terms whose content no entry match touches: quoted phrases, unquoted programme names
 * (优质企业成长计划), and unquoted numbered slogans (六稳六保, 五个必须) when the built-in glossary's word lists
 * are there to tell them from idioms.
 */
function mergeCoined(text: string, terms: Term[]): Term[] {
  const stop = sloganStoplists();
  // Quoted phrases first: on equal starts the longer span wins, and a quotation never starts a programme name.
  const names = [...findProgrammeNames(text), ...findPlaceNames(text), ...findEventNames(text)];
  const coined = withoutOverlaps([...findCoinedTerms(text), ...(stop ? findNumberedSlogans(text, stop) : []), ...names]);
  const nameSet = new Set(names);
  if (coined.length === 0) return terms;
  const out: Term[] = [];
  let ti = 0;
  for (const c of coined) {
    while (ti < terms.length && terms[ti].end <= c.innerStart) out.push(terms[ti++]);
    // Any entry match overlapping the quotation (or its suffix) wins over the coined reading.
    let overlaps = false;
    let inside = 0;
    let crossing = false;
    for (let k = ti; k < terms.length && terms[k].start < c.end; k++) {
      if (terms[k].end > c.start) {
        overlaps = true;
        if (terms[k].start >= c.start && terms[k].end <= c.end) inside += terms[k].end - terms[k].start;
        else crossing = true;
      }
    }
    // A programme, place or event name wins over entries wholly inside it that cover less than half of it
    // (未来产业 in 培育发展未来产业三年行动): the reader meets the name, and its card keeps their explanations.
    if (overlaps && (!nameSet.has(c) || crossing || inside * 2 >= c.end - c.start)) continue;
    const parts: TermPart[] = [];
    for (; overlaps && ti < terms.length && terms[ti].start < c.end; ti++) {
      const inner = terms[ti];
      if (inner.definition && !parts.some((p) => p.text === inner.text)) parts.push({ text: inner.text, definition: inner.definition });
    }
    const term: Term = { start: c.start, end: c.end, text: text.slice(c.start, c.end), key: c.key, definition: null, source: 'none' };
    if (parts.length) term.parts = parts;
    out.push(term);
  }
  while (ti < terms.length) out.push(terms[ti++]);
  return out;
}

