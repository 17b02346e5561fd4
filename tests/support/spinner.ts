/**
 * A deterministic forward spinner built from the same dictionary the repair
 * inverts, for measuring restoration on text other than seed 004. Two layers,
 * as the real tools run them: word swaps (longest match), then character swaps
 * on what the word layer left alone.
 */
import { forwardDict } from '../../src/core/repair/spun/dictionary';

export interface SpinOptions {
  seed?: number;
  /** chance a dictionary word is swapped */
  wordRate?: number;
  /** chance a swappable character is swapped */
  charRate?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function spin(text: string, options: SpinOptions = {}): string {
  const rnd = mulberry32(options.seed ?? 1);
  const wordRate = options.wordRate ?? 0.85;
  const charRate = options.charRate ?? 0.85;
  const { words, chars } = forwardDict();
  let maxLen = 1;
  for (const k of words.keys()) maxLen = Math.max(maxLen, k.length);
  // The first listed form is the tool's usual choice; the others show up less often.
  const pick = (forms: string[]) => (forms.length === 1 || rnd() < 0.85 ? forms[0] : forms[1 + Math.floor(rnd() * (forms.length - 1))]);

  let out = '';
  for (let i = 0; i < text.length; ) {
    let hit = '';
    for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
      const w = text.slice(i, i + len);
      if (words.has(w)) { hit = w; break; }
    }
    if (hit && rnd() < wordRate) {
      out += pick(words.get(hit)!);
      i += hit.length;
      continue;
    }
    const span = hit || text[i];
    for (const ch of span) {
      const forms = chars.get(ch);
      out += forms && rnd() < charRate ? pick(forms) : ch;
    }
    i += span.length;
  }
  return out;
}

/**
 * Spins `text` with a fixed pair table, as seed 004's tool did: every occurrence of
 * an original (longest first) becomes its form. `pairsTsv`: lines `form<TAB>original<TAB>count`
 * (tests/fixtures/004_pairs.tsv); an original with several forms takes its most frequent.
 */
export function spinWithPairs(text: string, pairsTsv: string): string {
  const byOrig = new Map<string, [string, number]>();
  for (const line of pairsTsv.split('\n')) {
    const [form, orig, n] = line.split('\t');
    if (orig && form && (!byOrig.has(orig) || Number(n) > byOrig.get(orig)![1])) byOrig.set(orig, [form, Number(n) || 0]);
  }
  const pairs = [...byOrig].map(([a, [b]]) => [a, b] as const).filter(([a, b]) => a !== b).sort((x, y) => y[0].length - x[0].length);
  let out = '';
  for (let k = 0; k < text.length; ) {
    const hit = pairs.find(([a]) => text.startsWith(a, k));
    if (hit) {
      out += hit[1];
      k += hit[0].length;
    } else out += text[k++];
  }
  return out;
}
