import type { Edit, Stage } from '../types';
import { cp1252Byte } from '../mojibake/codecs';
import { CONFIDENT, isTraditional, repairRun, type Codec } from '../mojibake/repair-run';
import { isSeenUnit } from '../mojibake/score';
import { decodeUtf8WithHoles } from '../mojibake/utf8-holes';
import { joinTouchingDeletions } from '../layout/touching';

/**
 * Candidate runs: maximal stretches of non-ASCII, non-space characters (UTF-8
 * mojibake never contains ASCII bytes except where a stray byte merged with
 * one, which GBK then shows as a non-ASCII character). NBSP stays inside a
 * run because Windows-1252 mojibake produces it from byte 0xA0; GBK runs are
 * split at it.
 */
const RUN_RE = /(?:[^\u0000-\u007f\s]|\u00a0)+/g;

/**
 * Reverses UTF-8 text that was decoded as GBK (鏀垮簻 → 政府) or as
 * Windows-1252 (æ”¿åºœ → 政府). Each run is re-encoded and decoded as UTF-8;
 * only runs that become valid UTF-8 and read clearly more like Chinese are
 * changed, so clean Chinese (which is also valid GBK) is left alone.
 */
export const mojibakeStage: Stage = {
  kind: 'mojibake',
  run(text) {
    const edits: Edit[] = [];
    const retry: [number, number, Codec][] = [];
    const tryRun = (start: number, end: number, codec: Codec) => {
      const found = repairOnceOrTwice(text, start, end, codec);
      // Real punctuation and no-break spaces often touch a mis-decoded stretch
      // (、、鏀垮簻, æ”¿åºœ&nbsp;ä¸­……); their bytes do not continue the UTF-8
      // around them, so the pieces between them are tried on their own.
      if (!found.length) {
        for (const piece of text.slice(start, end).matchAll(/[^\u00a0]+/g)) {
          const [s, e] = trimPunctuation(text, start + piece.index, start + piece.index + piece[0].length);
          const pieceCodec = isCp1252Run(text.slice(s, e)) ? 'cp1252' : 'gbk';
          if (e - s >= 2 && (e - s < end - start || pieceCodec !== codec)) found.push(...repairOnceOrTwice(text, s, e, pieceCodec));
        }
      }
      if (found.length) edits.push(...found);
      else retry.push([start, end, codec]);
    };
    for (const m of text.matchAll(RUN_RE)) {
      const run = m[0];
      const start = m.index;
      const end = start + run.length;
      if (isCp1252Run(run)) {
        if (run.length >= 2) tryRun(start, end, 'cp1252');
        continue;
      }
      for (const part of run.matchAll(/[^\u00a0]+/g)) if (looksMisdecoded(part[0])) tryRun(start + part.index, start + part.index + part[0].length, 'gbk');
    }
    // Once a page has certain mojibake, short runs that need a guessed byte are worth repairing too.
    if (edits.some((e) => e.confidence === CONFIDENT)) {
      const traditionalPage = isTraditionalText(edits.map((e) => e.after).join(''));
      for (const [start, end, codec] of retry) {
        // Twice-decoded first: peeling one layer of Ã‚Â· alone would leave Â·, itself mojibake.
        const twice = codec === 'cp1252' ? repairTwiceDecoded(text, start, end, true) : [];
        edits.push(...(twice.length ? twice : repairRun(text, start, end, codec, true, traditionalPage)));
      }
      edits.sort((a, b) => a.start - b.start);
    }
    return joinTouchingDeletions(edits);
  },
};

/** One mis-decoding undone, or for Windows-1252 two when one is not enough. */
function repairOnceOrTwice(text: string, start: number, end: number, codec: Codec): Edit[] {
  const once = repairRun(text, start, end, codec);
  return once.length || codec !== 'cp1252' ? once : repairTwiceDecoded(text, start, end);
}

/**
 * Windows-1252 mojibake of Windows-1252 mojibake (Ã¥Â¹Â´ → å¹´ → 年), as text
 * that went through two mis-configured systems shows it: one layer is peeled
 * exactly (no lost bytes), and the result must then repair in full as usual.
 * One edit for the whole run: the two layers do not align character by character.
 */
function repairTwiceDecoded(text: string, start: number, end: number, allowAllGuessed = false): Edit[] {
  const bytes: number[] = [];
  for (const ch of text.slice(start, end)) {
    const b = cp1252Byte(ch);
    if (b === undefined) return [];
    bytes.push(b);
  }
  const peeled = decodeUtf8WithHoles(bytes);
  if (!peeled || peeled.some((d) => d.guessed)) return [];
  const inner = peeled.map((d) => d.text).join('');
  if (inner.length < 2 || !isCp1252Run(inner)) return [];
  const edits = repairRun(inner, 0, inner.length, 'cp1252', allowAllGuessed);
  if (!edits.length || edits.some((e) => e.confidence !== CONFIDENT)) return [];
  let after = '';
  let at = 0;
  for (const e of edits) {
    after += inner.slice(at, e.start) + e.after;
    at = e.end;
  }
  after += inner.slice(at);
  return [{ start, end, after, kind: 'mojibake', confidence: CONFIDENT }];
}

/** CJK and full-width punctuation (、。，“”《》…—) and no-break spaces. */
const isPunctuation = (c: number) =>
  c === 0xa0 ||
  (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0x2014 && c <= 0x2026);

/** [start, end) without the punctuation at either edge. */
function trimPunctuation(text: string, start: number, end: number): [number, number] {
  while (start < end && isPunctuation(text.charCodeAt(start))) start++;
  while (end > start && isPunctuation(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** GBK mojibake, or Windows-1252 mojibake in a run with other characters (、、æ”¿åºœ); punctuation at the edges is not counted. */
function looksMisdecoded(part: string): boolean {
  const [s, e] = trimPunctuation(part, 0, part.length);
  const core = part.slice(s, e);
  return looksRare(core) || (core.length >= 2 && isCp1252Run(core));
}

function isCp1252Run(run: string): boolean {
  for (const ch of run) if (ch !== '\ufffd' && cp1252Byte(ch) === undefined) return false;
  return true;
}

/**
 * GBK mojibake is made almost entirely of characters never seen in reports
 * (in round trips of the seeds, at least a third of every run). Requiring that
 * keeps clean and Traditional pages cheap: their runs are not even re-encoded.
 */
function looksRare(run: string): boolean {
  let rare = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c === 0xfffd) return true;
    if (!isSeenUnit(c)) rare++;
  }
  return rare * 3 >= run.length;
}

/** Whether repaired text is Traditional Chinese (a few percent of its Han characters Traditional-only). */
function isTraditionalText(s: string): boolean {
  let han = 0;
  let trad = 0;
  for (const ch of s) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (isTraditional(ch)) trad++;
  }
  return trad >= 2 && trad * 20 >= han;
}
