import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { ConverterFactory, Trie, type ConverterFunction } from 'opencc-js/core';
import { runSteps, type Steps } from '../../steps';
import { foldChars, parseCharTable, type CharTable } from '../../traditional-chars';
import { CHAR_COST_UNSEEN } from '../../data/charfreq';
import { charCost } from '../mojibake/score';

let tradOnly: Set<string> | null = null;
let toSimplified: ConverterFunction | null = null;
let variants: [string, string][] | null = null;

/**
 * Hong Kong / Taiwan variant forms OpenCC's t→cn table does not know (衞 for
 * 衛), mapped to the standard Traditional form. Only variants that are neither
 * a source nor a target of the t→cn table are kept: the raw tables also map
 * ordinary characters such as 著 → 着 or 才 → 纔, which would break phrase
 * conversion (顯著 must become 显著).
 */
function variantPairs(): [string, string][] {
  if (variants) return variants;
  const known = new Set<string>();
  for (const pair of TSCharacters.split('|')) for (const ch of pair.replace(' ', '')) known.add(ch);
  variants = [];
  for (const pair of `${HKVariantsRev}|${TWVariantsRev}`.split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to && [...from].length === 1 && !known.has(from) && charCost(from) >= CHAR_COST_UNSEEN) variants.push([from, to]);
  }
  return variants;
}

/**
 * Characters that only occur in Traditional text: sources of OpenCC's
 * Traditional→Simplified character table that are not also a Simplified form
 * (so 後, 於, 個 count; 乾 and 著, which Simplified also uses, mostly do not).
 */
export function traditionalOnly(): Set<string> {
  if (tradOnly) return tradOnly;
  const sources: string[] = [];
  const targets = new Set<string>();
  for (const pair of TSCharacters.split('|')) {
    const sp = pair.indexOf(' ');
    const from = pair.slice(0, sp);
    const to = pair.slice(sp + 1);
    sources.push(from);
    for (const ch of to) targets.add(ch);
  }
  tradOnly = new Set(sources.filter((ch) => !targets.has(ch)));
  for (const [from] of variantPairs()) tradOnly.add(from);
  return tradOnly;
}

/**
 * OpenCC Traditional→Simplified (mainland) converter, built on first use from
 * the t→cn dictionaries only, after folding HK/TW variant forms.
 */
export function traditionalToSimplified(text: string): string {
  toSimplified ??= ConverterFactory([variantPairs()], [[TSPhrases, TSCharacters]]);
  return toSimplified(text);
}

let charTable: CharTable | undefined;

/** Traditional→Simplified character by character: the same length as `text`, offsets carry over (see traditional-chars.ts). */
export function traditionalCharsToSimplified(text: string): string {
  charTable ??= parseCharTable(TSCharacters);
  return foldChars(text, charTable);
}

let toTraditionalFn: ConverterFunction | null = null;
let toTraditionalLoading: Promise<void> | null = null;

/** OpenCC's Simplified→Traditional tables, as the dictionary strings opencc-js ships. */
export interface SimplifiedToTraditionalTables {
  phrases: string;
  characters: string;
}

let tablesSource: (() => Promise<SimplifiedToTraditionalTables>) | undefined;

/**
 * Where the Simplified→Traditional tables (~1 MB) come from. Node callers
 * import ./s2t-tables, which loads them from opencc-js; the extension injects
 * them as a script of their own only when the reader asks for Traditional
 * output (src/page/data-scripts.ts).
 */
export function provideSimplifiedToTraditional(source: () => Promise<SimplifiedToTraditionalTables>): void {
  tablesSource = source;
  toTraditionalLoading = null;
}

/**
 * Loads the Simplified→Traditional tables and builds the converter; call it
 * when the Traditional preference is on. Building takes tens of ms, so it is
 * done in steps (see src/core/steps.ts): `run` lets a page yield between them.
 */
export function loadSimplifiedToTraditional(run: (steps: Steps<void>) => Promise<void> | void = runSteps): Promise<void> {
  if (!tablesSource) return Promise.reject(new Error('GovLens: no Simplified→Traditional tables provided'));
  toTraditionalLoading ??= tablesSource().then((tables) => run(buildSimplifiedToTraditional(tables)));
  return toTraditionalLoading;
}

/** Dictionary entries added to the trie per step: a few ms. */
const ENTRIES_PER_STEP = 4_000;

/**
 * What ConverterFactory([[phrases, characters]]) builds, one trie, in steps.
 * As in opencc-js, the characters go in first and the phrases over them.
 */
function* buildSimplifiedToTraditional({ phrases, characters }: SimplifiedToTraditionalTables): Steps<void> {
  const trie = new Trie();
  for (const dict of [characters, phrases]) {
    const entries = dict.split('|');
    for (let i = 0; i < entries.length; i++) {
      const [from, to] = entries[i].split(' ');
      if (from && to !== undefined) trie.addWord(from, to);
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    }
  }
  toTraditionalFn = (text) => trie.convert(text);
}

/** Simplified→Traditional, or null while the dictionaries are still loading (the load is started). */
export function simplifiedToTraditional(text: string): string | null {
  if (toTraditionalFn) return toTraditionalFn(text);
  loadSimplifiedToTraditional().catch(() => {
    toTraditionalLoading = null;
  });
  return null;
}
