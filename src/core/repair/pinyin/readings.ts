import { READINGS } from '../../data/readings';

let byChar: Map<string, string[]> | null = null;
let syllables: Set<string> | null = null;

function load() {
  byChar = new Map();
  syllables = new Set();
  for (const entry of READINGS.split('|')) {
    const colon = entry.indexOf(':');
    const reading = entry.slice(0, colon);
    syllables.add(reading);
    for (const ch of entry.slice(colon + 1)) {
      const list = byChar.get(ch);
      if (list) list.push(reading);
      else byChar.set(ch, [reading]);
    }
  }
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
