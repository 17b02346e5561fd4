/**
 * General Chinese (not report Chinese) word frequencies, for build scripts only.
 *
 * - jieba's dictionary (349k words with counts, shipped as dict.txt in the
 *   @node-rs/jieba devDependency; nothing of it runs in the extension);
 * - Taiwan and Hong Kong phrasings from OpenCC's regional phrase tables,
 *   folded to Simplified characters (網路 → 网路, 軟體 → 软体): prose from
 *   there, converted, uses them as ordinary words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import { traditionalCharsToSimplified } from '../src/core/repair/traditional/script';

export interface GeneralWords {
  /** jieba's count of `w` as a word; 0 when it is not in the dictionary. */
  count(w: string): number;
  /** true for a word of general Chinese: in jieba's dictionary, or a Taiwan/Hong Kong phrasing. */
  isWord(w: string): boolean;
  /** Sum of all counts (jieba's corpus size, roughly). */
  total: number;
}

export function loadGeneralWords(): GeneralWords {
  const require = createRequire(import.meta.url);
  const dictPath = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const [w, n] = line.split(' ');
    if (!w || !n) continue;
    const c = Number(n);
    counts.set(w, (counts.get(w) ?? 0) + c);
    total += c;
  }
  const regional = new Set<string>();
  for (const table of [TWPhrases, HKPhrases] as string[]) {
    for (const entry of table.split('|')) {
      const to = entry.split(' ')[1];
      if (to) for (const alt of to.split(' ')) regional.add(traditionalCharsToSimplified(alt));
    }
  }
  return {
    count: (w) => counts.get(w) ?? 0,
    isWord: (w) => counts.has(w) || regional.has(w),
    total,
  };
}
