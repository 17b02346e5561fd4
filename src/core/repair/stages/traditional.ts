import type { Edit, RepairOptions, Stage } from '../types';
import { isTraditionalPage, isTraditionalRun, scriptStats } from '../traditional/detect';
import { simplifiedToTraditional, traditionalToSimplified } from '../traditional/script';
import { undecodedMojibake } from './mojibake';

/**
 * Traditional → Simplified with OpenCC, only for text detected as Traditional
 * (per page, then per line). With options.toTraditional it converts the other
 * way instead (the S→T dictionaries load lazily; until then nothing changes).
 * Edits cover only the characters that changed, grouped into contiguous runs.
 */
export const traditionalStage: Stage = {
  kind: 'traditional',
  detector() {
    const total = { han: 0, traditional: 0, foreign: false };
    return {
      add(window) {
        const s = scriptStats(window);
        total.han += s.han;
        total.traditional += s.traditional;
        total.foreign ||= s.foreign;
      },
      verdict: () => ({ traditional: isTraditionalPage(total) }),
    };
  },
  run(text: string, options: RepairOptions): Edit[] {
    if (options.toTraditional) {
      if (/[\u3040-\u30ff\uac00-\ud7af]/.test(text)) return [];
      const out = simplifiedToTraditional(text);
      // The reader asked for this: a conversion, not a repair (not marked or counted as one).
      return out === null ? [] : diffEdits(text, out, 0, 0.9).map((e) => ({ ...e, conversion: true }));
    }
    const page = scriptStats(text);
    if (page.traditional === 0) return [];
    // A chunk of a longer page follows the page's verdict when one was made.
    const pageIsTrad = options.page?.traditional ?? isTraditionalPage(page);
    const edits: Edit[] = [];
    // GBK mojibake the mojibake stage could not decode looks Traditional (涓嬮潰鐨): converting it would make it undecodable.
    const mojibake = undecodedMojibake(text);
    for (const m of text.matchAll(/[^\n]+/g)) {
      const line = m[0];
      if (!isTraditionalRun(scriptStats(line), pageIsTrad)) continue;
      const confidence = pageIsTrad ? 0.9 : 0.8;
      let from = m.index;
      const lineEnd = m.index + line.length;
      for (const [s, e] of mojibake) {
        if (e <= from || s >= lineEnd) continue;
        if (s > from) edits.push(...diffEdits(text.slice(from, s), traditionalToSimplified(text.slice(from, s)), from, confidence));
        from = Math.max(from, e);
      }
      if (from < lineEnd) edits.push(...diffEdits(text.slice(from, lineEnd), traditionalToSimplified(text.slice(from, lineEnd)), from, confidence));
    }
    return edits;
  },
};

/** Edits turning `before` into `after`: per changed stretch when lengths match, else one trimmed edit. */
function diffEdits(before: string, after: string, offset: number, confidence: number): Edit[] {
  if (before === after) return [];
  const edits: Edit[] = [];
  if (before.length === after.length) {
    for (let i = 0; i < before.length; ) {
      if (before[i] === after[i]) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < before.length && before[j] !== after[j]) j++;
      // Keep surrogate pairs whole.
      const s = i > 0 && /[\udc00-\udfff]/.test(before[i]) ? i - 1 : i;
      const e = j < before.length && /[\udc00-\udfff]/.test(before[j]) ? j + 1 : j;
      edits.push({ start: offset + s, end: offset + e, after: after.slice(s, e), kind: 'traditional', confidence, charwise: true });
      i = e;
    }
    return edits;
  }
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  return [{ start: offset + p, end: offset + before.length - q, after: after.slice(p, after.length - q), kind: 'traditional', confidence }];
}
