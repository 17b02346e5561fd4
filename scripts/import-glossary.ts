/**
 * Imports checked glossary entries (JSON Lines, scripts/data/glossary/FORMAT.md) into the built-in glossary:
 *
 *   npx tsx scripts/import-glossary.ts [FILE.jsonl …]      (default: scripts/data/glossary/checked-*.{jsonl,tsv})
 *   npx tsx scripts/build-glossary-variants.ts              (then: the Traditional spellings)
 *
 * Writes src/core/data/glossary-imported.ts. Every run rebuilds it from the files given, so fixing a draft and
 * importing again is the way to change an imported entry. The checked drafts (and their checkers' logs) are kept in
 * scripts/data/glossary/, so a clean clone rebuilds the same glossary. What it does:
 * - keeps only entries the checkers passed, with a 1–3 sentence definition, and normalises the fields;
 * - deduplicates: against the hand-written entries (glossary-builtin-source.ts), whose term or spelling wins,
 *   the import only filling in an English name, gloss or first appearance they lack; and among the imported
 *   entries (first one wins; a spelling another entry owns is dropped from the later one);
 * - makes matching precise for each new spelling, using jieba's dictionary of ordinary words and the clean
 *   corpus (held-out reports excluded): where the spelling cuts across a word of ordinary prose (标准地 in
 *   标准地图, 稳增长 in 平稳增长, 三保 in 三保障), that longer word becomes a blocker, as do the blockers the
 *   checker listed; a two-character spelling
 *   led by a numeral (四地, 五子: four places, five sons) needs quotes or a cue, other two-character ones
 *   (国债, 医保) match bare; a name written only in digits (“1650”产业体系) matches only quoted. Prints what it
 *   decided, for review.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_SEEDS, type BuiltinSeed } from '../src/core/data/glossary-builtin-source';
import type { TermCategory } from '../src/core/glossary/types';
import { crossingWord, dictionaryCrossing, passed, wordFreq } from './lib/glossary-precision';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src', 'core', 'data', 'glossary-imported.ts');
const labels = join(root, 'scripts', 'data', 'glossary');
const corpusDir = join(root, '..', 'shared', 'corpus');
const HELD_OUT = new Set(['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt']);

const CATEGORIES = new Set<TermCategory>(['slogan', 'strategy', 'fiscal', 'programme', 'party', 'concept', 'meeting', 'history', 'other']);
const MAX_DEFINITION = 200;
const MIN_DEFINITION = 12;
/** A longer ordinary word becomes a blocker when it is this common in jieba's dictionary… */
const MIN_WORD_FREQ = 50;
/** …or when the corpus shows the spelling cut across by it at least this often. */
const MIN_CORPUS_CROSSINGS = 2;
const NUMERAL_LEAD = /^[一二三四五六七八九十两双百千万]/;
/** A name written only in digits and operators (“1650”产业体系, “8+4”政策): any figure could be it. */
const DIGITS_ONLY = /^[0-9０-９+＋×.\-]+$/;
const QUOTES = /[“”"「」『』]/g;

interface Draft {
  term: string;
  variants?: string[];
  category?: string;
  en?: string;
  gloss_en?: string;
  definition: string;
  since?: number | null;
  firstDoc?: string | null;
  /** Longer words the checker found the term or a variant inside, in another sense (化债 in 法治化债转股). */
  blockers?: string[];
  /** Checkers' verdict, when the checked files carry one. */
  verdict?: string;
  status?: string;
  ok?: boolean;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function readDrafts(files: string[]): { draft: Draft; from: string }[] {
  const rows: { draft: Draft; from: string }[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          rows.push({ draft: JSON.parse(line) as Draft, from: `${file.split('/').pop()}:${i + 1}` });
        } catch {
          console.warn(`skip ${file}:${i + 1}: not JSON`);
        }
      });
  }
  return rows;
}

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const sub of readdirSync(corpusDir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of readdirSync(join(corpusDir, sub.name))) {
      if (f.endsWith('.txt') && !HELD_OUT.has(`${sub.name}/${f}`)) texts.push(readFileSync(join(corpusDir, sub.name, f), 'utf8'));
    }
  }
  return texts;
}

/** Blockers for one spelling: dictionary words and corpus contexts that cut across it. */
function blockersFor(form: string, allForms: Set<string>, corpus: string[], dictByPart: Map<string, string[]>): string[] {
  const found = new Map<string, number>();
  for (const word of dictByPart.get(form) ?? []) {
    if (allForms.has(word) || (wordFreq.get(word) ?? 0) < MIN_WORD_FREQ) continue;
    if (dictionaryCrossing(word, form)) found.set(word, MIN_CORPUS_CROSSINGS);
  }
  for (const text of corpus) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
      const s = Math.max(0, i - 6);
      const window = text.slice(s, i + form.length + 6);
      const word = crossingWord(window, i - s, i - s + form.length);
      // A longer spelling and one character after it is a derivative of the same thing (算力网络, 产业化, 制造业).
      const derivative = word !== null && form.length >= 3 && word.length === form.length + 1 && word.startsWith(form);
      if (word && !derivative && word.length <= form.length + 4 && !allForms.has(word) && !/[，。、；：,\s“”]/.test(word)) found.set(word, (found.get(word) ?? 0) + 1);
    }
  }
  return [...found].filter(([, n]) => n >= MIN_CORPUS_CROSSINGS).map(([w]) => w).sort();
}

// ── Import ────────────────────────────────────────────────────────────────────
const given = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(labels)
      .filter((f) => /^checked-.*\.(?:jsonl|tsv)$/.test(f))
      .sort()
      .map((f) => join(labels, f));
/** Entries (JSON Lines) and extra spellings for existing entries (TSV: spelling, the entry's term, why). */
const files = given.filter((f) => f.endsWith('.jsonl'));
const variantFiles = given.filter((f) => f.endsWith('.tsv'));
if (!files.length) throw new Error(`no checked files in ${labels}`);

const handOwner = new Map<string, string>();
for (const seed of BUILTIN_SEEDS) for (const form of [seed.term, ...(seed.variants ?? [])]) handOwner.set(form.replace(QUOTES, ''), seed.term);

const imported: BuiltinSeed[] = [];
const supplements = new Map<string, Partial<BuiltinSeed>>();
const owner = new Map<string, string>();
const checkerBlockers = new Map<string, string[]>();
const log = { read: 0, rejected: 0, invalid: 0, duplicate: 0, supplements: 0, droppedVariants: 0 };

for (const { draft, from } of readDrafts(files)) {
  log.read++;
  if (!passed(draft)) {
    log.rejected++;
    continue;
  }
  const term = clean(draft.term).replace(QUOTES, '');
  const definition = clean(draft.definition);
  if (term.length < 2 || definition.length < MIN_DEFINITION || definition.length > MAX_DEFINITION || definition === term) {
    log.invalid++;
    console.warn(`invalid ${from}: ${term} (${definition.length} chars)`);
    continue;
  }
  const extra: Partial<BuiltinSeed> = {};
  const en = clean(draft.en);
  const gloss = clean(draft.gloss_en);
  if (en) extra.en = en;
  if (gloss) extra.gloss = gloss;
  if (typeof draft.since === 'number' && draft.since >= 1900 && draft.since <= 2100) extra.since = draft.since;
  if (clean(draft.firstDoc)) extra.firstDoc = clean(draft.firstDoc);
  const category = clean(draft.category) as TermCategory;
  if (CATEGORIES.has(category)) extra.category = category;

  // A hand-written entry owns this term or spelling: import nothing new. Only a draft of the same term
  // fills in what the entry lacks; one of a variant (湖长制 under 河长制) names something narrower.
  const hand = handOwner.get(term);
  if (hand && hand !== term) {
    log.duplicate++;
    continue;
  }
  if (hand) {
    const s = supplements.get(hand) ?? {};
    for (const [k, v] of Object.entries(extra)) if (k !== 'category' && !(k in s)) (s as Record<string, unknown>)[k] = v;
    supplements.set(hand, s);
    log.supplements++;
    continue;
  }
  if (owner.has(term)) {
    log.duplicate++;
    continue;
  }
  const variants: string[] = [];
  for (const raw of draft.variants ?? []) {
    const v = clean(raw).replace(QUOTES, '');
    if (v.length < 2 || v === term || variants.includes(v)) continue;
    if (handOwner.has(v) || owner.has(v)) {
      log.droppedVariants++;
      continue;
    }
    variants.push(v);
  }
  const seed: BuiltinSeed = { term, definition, ...extra };
  if (variants.length) seed.variants = variants;
  // The checker's blockers, where they hold one of the entry's spellings (else they could never apply).
  // Quotes stay: a blocker is compared with the page text as written (“八五”普法).
  const checked = (draft.blockers ?? []).map(clean).filter((b) => [term, ...variants].some((f) => b.length > f.length && b.includes(f)));
  if (checked.length) checkerBlockers.set(term, checked);
  for (const form of [term, ...variants]) owner.set(form, term);
  imported.push(seed);
}

// Extra spellings of existing entries (a checked list: 精神文明 for 精神文明建设 …).
const addedToHand = new Map<string, string[]>();
for (const file of variantFiles) {
  for (const row of readFileSync(file, 'utf8').split('\n')) {
    const [rawForm, rawTerm] = row.split('\t');
    const form = clean(rawForm).replace(QUOTES, '');
    const term = clean(rawTerm).replace(QUOTES, '');
    if (form.length < 2 || !term || form === 'term') continue;
    if (handOwner.has(form) || owner.has(form)) {
      log.droppedVariants++;
      continue;
    }
    const seed = imported.find((x) => x.term === term);
    if (seed) {
      (seed.variants ??= []).push(form);
      owner.set(form, term);
    } else if (BUILTIN_SEEDS.some((x) => x.term === term)) {
      addedToHand.set(term, [...(addedToHand.get(term) ?? []), form]);
      handOwner.set(form, term);
    } else {
      console.warn(`variant ${form}: no entry ${term}`);
    }
  }
}

// Precision: blockers from ordinary words and the corpus; quotes or a cue for numeral-led two-character forms.
const corpus = corpusTexts();
/** Words the rules below would make blockers but that hold the entry in its own sense (reviewed: not-blockers.tsv). */
const notBlockers = new Set<string>();
for (const row of readFileSync(join(labels, 'not-blockers.tsv'), 'utf8').split('\n').slice(1)) {
  const [word, term] = row.split('\t');
  if (word && term) notBlockers.add(`${term}\t${word}`);
}
const allForms = new Set([...handOwner.keys(), ...owner.keys()]);
const newForms = new Set([...owner.keys(), ...[...addedToHand.values()].flat()]);
const dictByPart = new Map<string, string[]>();
for (const word of wordFreq.keys()) {
  for (let i = 0; i < word.length; i++) {
    for (let j = i + 2; j <= word.length && j - i < word.length; j++) {
      const part = word.slice(i, j);
      if (newForms.has(part)) (dictByPart.get(part) ?? dictByPart.set(part, []).get(part)!).push(word);
    }
  }
}
let blocked = 0;
let needQuotes = 0;
for (const seed of imported) {
  const blockers = new Set<string>(checkerBlockers.get(seed.term));
  for (const form of [seed.term, ...(seed.variants ?? [])]) {
    for (const b of blockersFor(form, allForms, corpus, dictByPart)) if (!notBlockers.has(`${seed.term}\t${b}`)) blockers.add(b);
  }
  if (blockers.size) {
    seed.blockers = [...blockers];
    blocked++;
    console.log(`blockers ${seed.term}: ${seed.blockers.join(' ')}`);
  }
  // Reports quote such names; unquoted, 1650 is 1650万户 and must stay a figure.
  if ([seed.term, ...(seed.variants ?? [])].every((f) => DIGITS_ONLY.test(f))) {
    seed.strict = true;
    console.log(`quotes only: ${seed.term}`);
  }
  const short = [seed.term, ...(seed.variants ?? [])].filter((f) => f.length <= 2);
  if (short.length && short.every((f) => !NUMERAL_LEAD.test(f))) seed.bare = true;
  else if (short.length) {
    needQuotes++;
    console.log(`quotes or cue: ${short.join(' ')} (${seed.term})`);
  }
}

for (const [term, forms] of addedToHand) {
  const s = supplements.get(term) ?? {};
  s.variants = forms;
  const blockers = new Set<string>();
  for (const form of forms) for (const b of blockersFor(form, allForms, corpus, dictByPart)) if (!notBlockers.has(`${term}\t${b}`)) blockers.add(b);
  if (blockers.size) s.blockers = [...blockers];
  supplements.set(term, s);
}

const FIELD_ORDER: (keyof BuiltinSeed)[] = ['term', 'category', 'en', 'gloss', 'since', 'firstDoc', 'definition', 'variants', 'bare', 'strict', 'cues', 'blockers'];
const line = (seed: Partial<BuiltinSeed>) => JSON.stringify(Object.fromEntries(FIELD_ORDER.filter((k) => seed[k] !== undefined).map((k) => [k, seed[k]])));
const PART_SIZE = 500;
const parts = Array.from({ length: Math.ceil(imported.length / PART_SIZE) }, (_, i) => imported.slice(i * PART_SIZE, (i + 1) * PART_SIZE));
writeFileSync(
  out,
  `// Generated by scripts/import-glossary.ts from checked glossary drafts. Do not edit by hand: fix the\n` +
    `// drafts or the import rules and import again. One entry per line.\n` +
    `import type { BuiltinSeed } from './glossary-builtin-source';\n\n` +
    // In typed parts: one array literal of thousands of object shapes is a union TypeScript refuses (TS2590).
    parts.map((p, i) => `const PART_${i}: BuiltinSeed[] = [\n${p.map((s) => `  ${line(s)},`).join('\n')}\n];\n\n`).join('') +
    `export const IMPORTED_SEEDS: BuiltinSeed[] = [${parts.map((_, i) => `...PART_${i}`).join(', ')}];\n\n` +
    `/** English name, gloss and first appearance for hand-written entries that lack them. */\n` +
    `export const IMPORTED_SUPPLEMENTS: Record<string, Partial<BuiltinSeed>> = {\n` +
    [...supplements].map(([term, s]) => `  ${JSON.stringify(term)}: ${line(s)},`).join('\n') +
    `\n};\n`,
);
console.log(
  `read ${log.read} from ${files.length} file(s): imported ${imported.length}, supplements for ${supplements.size} hand-written entries, ` +
    `rejected ${log.rejected}, invalid ${log.invalid}, duplicate ${log.duplicate}, variants dropped ${log.droppedVariants}; ` +
    `${blocked} entries got blockers, ${needQuotes} need quotes or a cue for a short spelling`,
);
