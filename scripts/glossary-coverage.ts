/**
 * How much of the corpus's most widespread policy vocabulary the built-in glossary defines:
 *   npx tsx scripts/glossary-coverage.ts [--missing]
 *
 * The coverage list is made without looking at the glossary: scripts/term-candidates.ts ranks phrases of the
 * clean corpus (held-out reports excluded) by how many reports use them; a helper marked the candidates Y/N
 * blind (tests/fixtures/terms-coverage/marked*.tsv, notes and README beside them); the list is the 500 Y terms
 * with the highest document frequency (coverage-500.tsv). A term counts as defined when a built-in entry has it as a spelling, or when
 * the matcher marks all of it, quoted, with one built-in entry (专项债券 under 专项债's entry).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/core/glossary/shipped';
import { BUILTIN_GLOSSARY } from '../src/core/data/glossary-builtin';
import { formsOf } from '../src/core/glossary/compiled';
import { foldString } from '../src/core/glossary/spelling-index';
import { findTerms } from '../src/core/glossary';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'terms-coverage');

/** The coverage list as the helper made it (coverage-500.tsv: the 500 Y terms with the highest df). */
export function coverageList(): { term: string; df: number }[] {
  return readFileSync(join(dir, 'coverage-500.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [term, df] = l.split('\t');
      return { term: term.replace(/[“”"]/g, ''), df: Number(df) };
    });
}

const spellings = new Set(BUILTIN_GLOSSARY.flatMap((e) => formsOf(e).map(foldString)));

export function defines(term: string): boolean {
  if (spellings.has(foldString(term))) return true;
  const quoted = `“${term}”`;
  return findTerms(quoted, { report: [], coined: false }).some((t) => t.source === 'builtin' && t.start <= 1 && t.end >= 1 + term.length);
}

/** A marked term that is a verb before a defined one (实施科教兴国战略, 坚持以人为本): the tooltip explains it. */
const VERB = /^(?:实施|坚持|贯彻|构建|推进|深化|加强|落实|推动|建设|完善)/;
export function definesAfterVerb(term: string): boolean {
  const m = VERB.exec(term);
  return m !== null && term.length - m[0].length >= 2 && defines(term.slice(m[0].length));
}

const list = coverageList();
const missing = list.filter((x) => !defines(x.term));
const afterVerb = missing.filter((x) => definesAfterVerb(x.term));
console.log(`coverage list: ${list.length} terms (df ${list[0]?.df}–${list[list.length - 1]?.df}); built-in glossary: ${BUILTIN_GLOSSARY.length} entries`);
console.log(`defined: ${list.length - missing.length}/${list.length} = ${((list.length - missing.length) / list.length).toFixed(4)}`);
const lenient = list.length - missing.length + afterVerb.length;
console.log(`defined, counting a verb before a defined term (${afterVerb.map((x) => x.term).join(' ')}): ${lenient}/${list.length} = ${(lenient / list.length).toFixed(4)}`);
if (process.argv.includes('--missing')) for (const m of missing) console.log(`  ${m.term}\t${m.df}`);
