import { provideBuiltinGlossary } from '../core/glossary';
import { provideBuiltinExplanations, type BuiltinExplanations, type BuiltinGlossaryData } from '../core/glossary/builtin';
import { provideLMData } from '../core/lm';
import { provideSpunDecisionData, type SpunDecisionData } from '../core/repair/spun/decision-data';
import { provideStageData, type StageDataName } from '../core/stage-data';
import { provideSimplifiedToTraditional, type SimplifiedToTraditionalTables } from '../core/repair/traditional/script';
import type { DataScript } from '../shared/messages';
import type { PledgeReader } from './pledge-reader';
import { toBackground } from '../shared/messaging';

declare global {
  // Set by the data scripts (lm.js, s2t.js, glossary-1….js, glossary-text-1….js, bigrams.js, readings.js; pledges.js: ./pledge-reader) in the extension's isolated world, which engine.js shares.
  var __govlensLMData: string | undefined;
  var __govlensSpunData: SpunDecisionData | undefined;
  var __govlensS2T: SimplifiedToTraditionalTables | undefined;
  var __govlensGlossary: BuiltinGlossaryData | undefined;
  var __govlensGlossaryText: BuiltinExplanations | undefined;
  var __govlensBigrams: { tiers: readonly string[]; min: number } | undefined;
  var __govlensReadings: string | undefined;
  /** Called by a data script once it has set its global. */
  var __govlensOnData: ((name: DataScript) => void) | undefined;
}

/** Data scripts the background injects along with the engine (the verdict says which). */
let announced: readonly DataScript[] = [];

/** How long to wait for an announced data script before asking for it after all. */
const ANNOUNCED_WAIT_MS = 5_000;

export function expectDataScripts(names: readonly DataScript[] = []): void {
  announced = names;
}

/** Resolves when the data script `name` reports its arrival, or after `ms`. */
function arrival(name: DataScript, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const previous = globalThis.__govlensOnData;
    const timer = setTimeout(resolve, ms);
    globalThis.__govlensOnData = (arrived) => {
      previous?.(arrived);
      if (arrived !== name) return;
      clearTimeout(timer);
      resolve();
    };
  });
}

/** Loads under way or done, by name: a data script asked for twice (a prefetch, then its use) is injected once. */
const loads = new Map<DataScript, Promise<boolean>>();

/**
 * Heavy data only some pages need is not part of engine.js: the background
 * injects it into this frame, as a script of its own, with the engine when
 * the page's sample called for it, else on request. `present` says whether
 * it has arrived.
 */
function inject(name: DataScript, present: () => boolean): Promise<boolean> {
  if (present()) return Promise.resolve(true);
  let load = loads.get(name);
  if (!load) {
    load = (async () => {
      if (announced.includes(name)) {
        await arrival(name, ANNOUNCED_WAIT_MS);
        if (present()) return true;
      }
      await toBackground('page:inject-data', { name }).catch(() => undefined);
      return present();
    })();
    loads.set(name, load);
    // A failed load may be asked for again.
    void load.then((ok) => {
      if (!ok) loads.delete(name);
    });
  }
  return load;
}

/**
 * Asks for data scripts the rest of the page will need (the pledge reader; the model on a page the sample
 * showed spun) once the part in view is marked: announced with the engine, their evaluation (10–25 ms) fell
 * before the first marks.
 */
export function prefetchDataScripts(names: readonly ('pledges' | 'lm' | 'glossary-text')[]): void {
  for (const name of names) {
    if (name === 'pledges') void loadPledgeReader();
    else if (name === 'lm') void loadLanguageModel();
    else void loadGlossaryExplanations();
  }
}

/** The character model (1 MB) and the spun decision's dictionary and word counts, for spun pages. Resolves false when they could not be had. */
export async function loadLanguageModel(): Promise<boolean> {
  if (!(await inject('lm', () => Boolean(globalThis.__govlensLMData && globalThis.__govlensSpunData)))) return false;
  provideLMData(() => globalThis.__govlensLMData);
  provideSpunDecisionData(() => globalThis.__govlensSpunData);
  return true;
}

/** Hands the core a source for the Simplified→Traditional tables (1 MB): injected on first use. */
export function provideInjectedSimplifiedToTraditional(): void {
  provideSimplifiedToTraditional(async () => {
    if (!(await inject('s2t', () => Boolean(globalThis.__govlensS2T)))) throw new Error('GovLens: Traditional tables unavailable');
    return globalThis.__govlensS2T!;
  });
}

/** The stages' tables come from the data scripts' globals (undefined until injected: the stage then asks, see stage-data.ts). */
export function provideInjectedStageData(): void {
  provideStageData('bigrams', () => globalThis.__govlensBigrams);
  provideStageData('readings', () => globalThis.__govlensReadings);
}

/**
 * Loads a stage's table for a repair that asked for it. Resolves false when
 * it could not be had; the stage then works without it (an empty table: no
 * pair weights for mojibake guesses, no readings so no pinyin is taken out).
 */
export async function loadStageData(name: StageDataName): Promise<boolean> {
  if (name === 'bigrams') {
    if (await inject('bigrams', () => Boolean(globalThis.__govlensBigrams))) return true;
    globalThis.__govlensBigrams = { tiers: [], min: 0 };
  } else {
    if (await inject('readings', () => Boolean(globalThis.__govlensReadings))) return true;
    globalThis.__govlensReadings = '';
  }
  return false;
}

/**
 * The built-in glossary (glossary-1.js … in parts, see page/glossary-part), asked for when the engine starts on a report page and used once
 * the text is repaired, so its evaluation is off the repair's path. Resolves false when it could not be
 * had: terms then come from the report's own 名词解释, the reader's entries and coined quotes only.
 */
export async function loadBuiltinGlossary(): Promise<boolean> {
  if (!(await inject('glossary', () => Boolean(globalThis.__govlensGlossary)))) return false;
  provideBuiltinGlossary(() => globalThis.__govlensGlossary);
  return true;
}

/**
 * The built-in entries' explanations (glossary-text-1.js …), asked for once the first marks are painted and
 * merged before the whole page is read. Resolves false when they could not be had: the marks stay, their cards
 * without the built-in explanation.
 */
export async function loadGlossaryExplanations(): Promise<boolean> {
  if (!(await inject('glossary-text', () => Boolean(globalThis.__govlensGlossaryText)))) return false;
  provideBuiltinExplanations(() => globalThis.__govlensGlossaryText);
  return true;
}

/** The pledge reader (pledges.js), asked for when the engine reaches its pledge phase. Undefined when it could not be had. */
export async function loadPledgeReader(): Promise<PledgeReader | undefined> {
  if (!(await inject('pledges', () => Boolean(globalThis.__govlensPledges)))) return undefined;
  return globalThis.__govlensPledges;
}
