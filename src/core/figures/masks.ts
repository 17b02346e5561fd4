// Spans where numbers are names rather than quantities: quoted slogans (“4+4+6”, “三个100%”),
// document titles (《…2023年工作方案》) and document-number brackets (〔2023〕).

/** Sorted, non-overlapping [start, end) spans. */
export type Spans = Array<[number, number]>;

const PAIRS: Record<string, { close: string; max: number }> = {
  '“': { close: '”', max: 40 },
  '「': { close: '」', max: 40 },
  '『': { close: '』', max: 40 },
  '《': { close: '》', max: 80 },
  '〔': { close: '〕', max: 12 },
  '［': { close: '］', max: 12 },
};

/** One pass over the text; an opener without a close within its max length is ignored (damaged quotes). */
export function maskedSpans(text: string): Spans {
  const spans: Spans = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // Fast path: skip everything that is not one of the openers.
    if (code !== 34 && code !== 0x201c && code !== 0x300c && code !== 0x300e && code !== 0x300a && code !== 0x3014 && code !== 0xff3b) continue;
    const ch = text[i];
    const pair = PAIRS[ch];
    let close = '';
    let max = 0;
    if (pair) {
      close = pair.close;
      max = pair.max;
    } else if (ch === '"') {
      close = '"';
      max = 40;
    } else {
      continue;
    }
    const limit = Math.min(n, i + 1 + max);
    for (let j = i + 1; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) break; // quotes do not span lines
      if (text[j] === close) {
        spans.push([i, j + 1]);
        i = j;
        break;
      }
    }
  }
  return spans;
}

/** Cursor for monotone "is position inside a span" queries (positions must not decrease). */
export class SpanCursor {
  private k = 0;
  constructor(private readonly spans: Spans) {}
  contains(pos: number): boolean {
    const s = this.spans;
    while (this.k < s.length && s[this.k][1] <= pos) this.k++;
    return this.k < s.length && s[this.k][0] <= pos;
  }
}
