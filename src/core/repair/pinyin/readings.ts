import { requireStageData } from '../../stage-data';
import { runSteps, type Steps } from '../../steps';

let byChar: Map<string, string[]> | null = null;
let syllables: Set<string> | null = null;

/** Readings (syllable:characters) parsed per step: all 400 at once made a task of up to 16 ms on a slow machine. */
const ENTRIES_PER_STEP = 50;

/** Parses the readings table (src/core/data/readings.ts, injected on the page as readings.js) in short steps. */
export function* loadReadingsInSteps(): Steps<void> {
  if (byChar) return;
  const readings = requireStageData<string>('readings');
  const chars = new Map<string, string[]>();
  const known = new Set<string>();
  const entries = readings.split('|');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const colon = entry.indexOf(':');
    const reading = entry.slice(0, colon);
    known.add(reading);
    for (const ch of entry.slice(colon + 1)) {
      const list = chars.get(ch);
      if (list) list.push(reading);
      else chars.set(ch, [reading]);
    }
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  byChar = chars;
  syllables = known;
}

function load() {
  runSteps(loadReadingsInSteps());
}

/** Toneless readings of a Han character (ü as v); empty when unknown. */
export function readingsOf(ch: string): readonly string[] {
  if (!byChar) load();
  return byChar!.get(ch) ?? [];
}

/** Whether `s` (toneless, lowercase, ü as v) is a Mandarin syllable. */
export function isSyllable(s: string): boolean {
  if (!syllables) load();
  return syllables!.has(s);
}

/**
 * Tone-marked or tone-numbered pinyin → toneless lowercase with ü as v.
 * Returns the syllable text and whether a tone was written.
 */
export function stripTone(raw: string): { text: string; toned: boolean } {
  let toned = false;
  const text = raw
    .replace(/u:|ü|ǖ|ǘ|ǚ|ǜ/g, (m) => {
      if (m.length === 1 && m !== 'ü') toned = true;
      return 'v';
    })
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, () => {
      toned = true;
      return '';
    })
    .replace(/[1-5]/g, () => {
      toned = true;
      return '';
    });
  return { text, toned };
}
