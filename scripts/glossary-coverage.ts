/**
 * How much of the corpus's most widespread policy vocabulary the built-in glossary defines:
 *   npx tsx scripts/glossary-coverage.ts [--missing]
 *
 * The coverage list is made without looking at the glossary: scripts/term-candidates.ts ranks phrases of the
 * clean corpus (held-out reports excluded) by how many reports use them; a helper marked the candidates Y/N
 * blind (tests/fixtures/terms-coverage/marked*.tsv, notes beside them); the list is the 500 Y terms with the
 * highest document frequency. A term counts as defined when a built-in entry has it as a spelling, or when
 * the matcher marks all of it, quoted, with one built-in entry (专项债券 under 专项债's entry).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/core/glossary/shipped';
import { BUILTIN_GLOSSARY } from '../src/core/data/glossary-builtin';
import { formsOf, foldString } from '../src/core/glossary/compiled';
import { findTerms } from '../src/core/glossary';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'terms-coverage');
const LIST_SIZE = 500;

export function coverageList(): { term: string; df: number }[] {
  const marked = new Map<string, number>();
  for (const f of readdirSync(dir).filter((n) => /^marked.*\.tsv$/.test(n))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').slice(1)) {
      const [term, df, mark] = line.split('\t');
      if (mark?.trim() === 'Y') marked.set(term.replace(/[“”"]/g, ''), Math.max(Number(df), marked.get(term) ?? 0));
    }
  }
  return [...marked].map(([term, df]) => ({ term, df })).sort((a, b) => b.df - a.df).slice(0, LIST_SIZE);
}

const spellings = new Set(BUILTIN_GLOSSARY.flatMap((e) => formsOf(e).map(foldString)));

export function defines(term: string): boolean {
  if (spellings.has(foldString(term))) return true;
  const quoted = `“${term}”`;
  return findTerms(quoted, { report: [], coined: false }).some((t) => t.source === 'builtin' && t.start <= 1 && t.end >= 1 + term.length);
}

const list = coverageList();
const missing = list.filter((x) => !defines(x.term));
console.log(`coverage list: ${list.length} terms (df ${list[0]?.df}–${list[list.length - 1]?.df}); built-in glossary: ${BUILTIN_GLOSSARY.length} entries`);
console.log(`defined: ${list.length - missing.length}/${list.length} = ${((list.length - missing.length) / list.length).toFixed(4)}`);
if (process.argv.includes('--missing')) for (const m of missing) console.log(`  ${m.term}\t${m.df}`);
