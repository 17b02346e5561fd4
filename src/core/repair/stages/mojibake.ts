import type { Edit, Stage } from '../types';
import { cp1252Byte, endsMidSequence, holdsUtf8Character } from '../mojibake/codecs';
import { CONFIDENT, GUESSED, decodesAsGbkMojibake, gbkMojibakeLength, isTraditional, repairRun, type Codec, type RunEdit } from '../mojibake/repair-run';
import { isSeenUnit } from '../mojibake/score';
import { decodeUtf8WithHoles } from '../mojibake/utf8-holes';
import { joinTouchingDeletions } from '../layout/touching';
import { ENTITY_RE, decodeEntity } from '../unicode/entities';

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
 * A character that lost a byte is shown as unknown (U+FFFD) and its guessed
 * reading is only offered as a suggestion; the rest of its run is repaired.
 */
export const mojibakeStage: Stage = {
  kind: 'mojibake',
  run(text) {
    const edits: RunEdit[] = [];
    const retry: [number, number, Codec][] = [];
    const tryRun = (start: number, end: number, codec: Codec) => {
      const found = repairOnceOrTwice(text, start, end, codec);
      // Real punctuation and no-break spaces often touch a mis-decoded stretch
      // (、、鏀垮簻, æ”¿åºœ&nbsp;ä¸­……); their bytes do not continue the UTF-8
      // around them, so the pieces between them are tried on their own.
      if (!found.length) {
        for (const piece of text.slice(start, end).matchAll(/[^\u00a0 ]+/g)) {
          const [s, e] = trimPunctuation(text, start + piece.index, start + piece.index + piece[0].length);
          const pieceCodec = isCp1252Run(text.slice(s, e)) ? 'cp1252' : 'gbk';
          if (e - s >= 2 && (e - s < end - start || pieceCodec !== codec)) found.push(...repairOnceOrTwice(text, s, e, pieceCodec));
        }
      }
      if (found.length) edits.push(...found);
      else retry.push([start, end, codec]);
    };
    let skipTo = 0;
    const entityRuns: [number, number][] = [];
    for (const m of text.matchAll(RUN_RE)) {
      let run = m[0];
      let start = m.index;
      if (start < skipTo) {
        // A Windows-1252 run extended over a space into this one (é æ”¿åºœ鏀垮簻): the rest of it is a run of its own.
        if (start + run.length <= skipTo) continue;
        run = run.slice(skipTo - start);
        start = skipTo;
      }
      if (isCp1252Run(run)) {
        // A no-break space shown as a plain space, or an entity, can sit inside the run: take them with it.
        const end = extendCp1252Run(text, start, start + run.length);
        skipTo = end;
        if (end - start >= 2) tryRun(start, end, 'cp1252');
        if (text.slice(start, end).includes('&')) entityRuns.push([start, end]);
        continue;
      }
      const end = start + run.length;
      for (const part of run.matchAll(/[^\u00a0]+/g)) {
        if (!looksMisdecoded(part[0])) {
          // A short stretch of mojibake in a long run of clean text (鏀垮簻政府工作报告政府工作报告…) is too small a
          // share for the run to look misdecoded: the stretches that read as UTF-8 are tried on their own.
          for (const [s, e] of undecodedMojibake(part[0])) tryRun(start + part.index + s, start + part.index + e, 'gbk');
          continue;
        }
        const [editsBefore, retryBefore] = [edits.length, retry.length];
        tryRun(start + part.index, start + part.index + part[0].length, 'gbk');
        // Mojibake touching clean text in one run (下面的內容涓嬮潰鐨): the stretches that read as UTF-8, each on its own.
        if (edits.length === editsBefore && retry.length === retryBefore + 1) {
          const inner = undecodedMojibake(part[0]).filter(([s, e]) => e - s < part[0].length);
          if (inner.length) retry.pop();
          for (const [s, e] of inner) tryRun(start + part.index + s, start + part.index + e, 'gbk');
        }
      }
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
    // Entities the unicode stage left to this one: decoded with their run above, or, when
    // the run holds no whole UTF-8 character (café&nbsp;), alone; never half of mojibake.
    for (const [start, end] of entityRuns) {
      if (edits.some((e) => e.start < end && start < e.end) || holdsUtf8Character(text.slice(start, end))) continue;
      for (const m of text.slice(start, end).matchAll(ENTITY_RE)) {
        const v = decodeEntity(m as RegExpExecArray);
        if (v !== null) edits.push({ start: start + m.index, end: start + m.index + m[0].length, after: v, kind: 'entity', confidence: 0.95 });
      }
      edits.sort((a, b) => a.start - b.start);
    }
    // Guesses for lost characters are suggestions over the same span as the edit that marks them unknown.
    const guesses: Edit[] = edits.flatMap((e) => (e.guess ? [{ start: e.start, end: e.end, after: e.guess, kind: 'mojibake' as const, confidence: GUESSED }] : []));
    return [...joinTouchingDeletions(edits.map(({ guess: _, ...e }) => e)), ...guesses];
  },
};

/**
 * Where a Windows-1252 run really ends. A run whose bytes stop inside a UTF-8
 * character continues over a single space (a no-break space, byte 0xA0, that
 * the page showed as a space) or an HTML entity of a Latin-1 character
 * (&frac14;, &nbsp;) and the Windows-1252 characters after it.
 */
function extendCp1252Run(text: string, start: number, end: number): number {
  while (endsMidSequence(text.slice(start, end))) {
    let next = end;
    if (text[end] === ' ') next = end + 1;
    else if (text[end] === '&') {
      const m = /^&(?:#\d{2,4}|#x[0-9a-f]{2,4}|[a-z]{2,8}\d{0,2});/i.exec(text.slice(end, end + 12));
      if (!m) return end;
      next = end + m[0].length;
    } else return end;
    let k = next;
    while (k < text.length && isCp1252Char(text[k])) k++;
    // A space must be followed by mojibake; an entity may end the run (年 → å¹&acute;).
    if (k === next && text[end] === ' ') return end;
    end = k;
  }
  return end;
}


function isCp1252Char(ch: string): boolean {
  return ch !== ' ' && cp1252Byte(ch) !== undefined;
}

/**
 * Spans of GBK mojibake still in `text` (runs the stage could not decode): later
 * stages must not rewrite them, or they could never be decoded (涓嬮潰鐨 must not become 涓嬮溃镄).
 */
export function undecodedMojibake(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(RUN_RE)) {
    const run = m[0];
    for (let i = 0; i < run.length; ) {
      const c = run.charCodeAt(i);
      // Mojibake starts on a character reports never use; clean text stops looking like UTF-8 within a few characters.
      const n = isSeenUnit(c) || isPunctuation(c) ? 0 : gbkMojibakeLength(run, i);
      let e = i + n;
      while (e > i && isPunctuation(run.charCodeAt(e - 1))) e--;
      if (e - i >= 2 && decodesAsGbkMojibake(run.slice(i, e))) {
        spans.push([m.index + i, m.index + e]);
        i = e;
      } else i++;
    }
  }
  return spans;
}

/** One mis-decoding undone, or for Windows-1252 two when one is not enough. */
function repairOnceOrTwice(text: string, start: number, end: number, codec: Codec): RunEdit[] {
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
  for (const ch of run) if (ch !== '\ufffd' && ch !== ' ' && cp1252Byte(ch) === undefined) return false;
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
