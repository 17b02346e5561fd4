import { traditionalOnly } from './script';

export interface ScriptStats {
  han: number;
  traditional: number;
  /** Kana or Hangul present: Japanese or Korean text, which must not be converted. */
  foreign: boolean;
}

const KANA_HANGUL = /[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

let bmpTrad: Uint8Array | null = null;

/** Traditional-only flags for the Basic Multilingual Plane, so counting needs no string per character. */
function bmpFlags(): Uint8Array {
  if (bmpTrad) return bmpTrad;
  bmpTrad = new Uint8Array(0x10000);
  for (const ch of traditionalOnly()) if (ch.length === 1) bmpTrad[ch.charCodeAt(0)] = 1;
  return bmpTrad;
}

export function scriptStats(text: string): ScriptStats {
  const trad = traditionalOnly();
  const flags = bmpFlags();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || c <= 0x4dbf || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      traditional += flags[c];
    } else if (c >= 0xd840 && c <= 0xd87f && i + 1 < text.length) {
      // Supplementary-plane ideographs (U+20000–U+3FFFF).
      han++;
      if (trad.has(text.slice(i, i + 2))) traditional++;
      i++;
    }
  }
  return { han, traditional, foreign: KANA_HANGUL.test(text) };
}

/** In running Traditional text roughly one Han character in four or five is Traditional-only. */
const PAGE_SHARE = 0.06;
const RUN_SHARE = 0.12;
const RUN_MIN_TRAD = 3;

/** Whether a page (whole text) reads as Traditional Chinese. */
export function isTraditionalPage(s: ScriptStats): boolean {
  return !s.foreign && s.traditional >= 2 && s.traditional >= s.han * PAGE_SHARE;
}

/**
 * Whether one run (a line) should be converted. On a Traditional page any
 * Traditional character counts; on a Simplified page a run must itself be
 * clearly Traditional, so a quoted Traditional name stays as written.
 */
export function isTraditionalRun(run: ScriptStats, pageIsTraditional: boolean): boolean {
  if (run.foreign || run.traditional === 0) return false;
  if (pageIsTraditional) return true;
  return run.traditional >= RUN_MIN_TRAD && run.traditional >= run.han * RUN_SHARE;
}
