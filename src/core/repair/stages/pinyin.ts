import type { Edit, Stage } from '../types';
import { matchAnnotation } from '../pinyin/annotations';
import { joinTouchingDeletions } from '../layout/touching';

/** Punctuation the annotation pattern leaves doubled behind it (",," ",、"). */
const NOISE = /[,，、]/;

/**
 * Removes inline pinyin annotations such as 擴(kuò), 的(de)(de) or 经济(jīngjì).
 * A parenthesised group is removed only when it is valid pinyin and its
 * syllables are readings of the Han characters just before it, so (区),
 * (AI), (二期) and (2024) stay.
 */
export const pinyinStage: Stage = {
  kind: 'pinyin',
  run(text) {
    const edits: Edit[] = [];
    for (let i = text.indexOf('('), j = text.indexOf('（'); i >= 0 || j >= 0; ) {
      const pos = i < 0 ? j : j < 0 ? i : Math.min(i, j);
      let end = pos;
      let toned = false;
      // Repeated annotations ("(de)(de)", "(de),(de)") go together; the separator between them is noise.
      for (;;) {
        const m = matchAnnotation(text, end, pos) ?? (end > pos && NOISE.test(text[end] ?? '') ? matchAnnotation(text, end + 1, pos) : null);
        if (!m) break;
        end = m.end;
        toned ||= m.toned;
      }
      if (end > pos) {
        // ",," or ",、" right after an annotation: the pattern doubled the punctuation.
        let k = end;
        if (NOISE.test(text[k] ?? '') && NOISE.test(text[k + 1] ?? '')) {
          k++;
          while (NOISE.test(text[k] ?? '')) k++;
          edits.push({ start: pos, end, after: '', kind: 'pinyin', confidence: toned ? 0.9 : 0.8 });
          edits.push({ start: end + 1, end: k, after: '', kind: 'pinyin', confidence: 0.8 });
        } else {
          edits.push({ start: pos, end, after: '', kind: 'pinyin', confidence: toned ? 0.9 : 0.8 });
        }
      }
      const next = Math.max(end, pos + 1);
      // Search again only for a paren kind whose last hit is behind us (else this is quadratic).
      if (i >= 0 && i < next) i = text.indexOf('(', next);
      if (j >= 0 && j < next) j = text.indexOf('（', next);
    }
    return joinTouchingDeletions(edits);
  },
};
