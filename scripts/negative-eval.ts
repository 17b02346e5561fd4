/**
 * What repair does to clean prose that is not report text:
 *   npx tsx scripts/negative-eval.ts [--list]
 * Reads tests/fixtures/negative/<register>/*.txt (see its SOURCES.md) and prints,
 * per register, the spinner-gate verdict on every file and on every 300-character
 * window, and the false changes per 10,000 Han characters. Converting a page
 * detected as Traditional to Simplified is the product working, not a false
 * change; every other applied change to this text is one. --list prints them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/core/lm/shipped';
import '../src/core/repair/shipped-data';
import { analysePage, repair } from '../src/core/repair';
import { spinnerGate } from '../src/core/repair/spun';
import { traditionalCharsToSimplified } from '../src/core/repair/traditional/script';
import { isHan } from '../src/core/repair/mojibake/score';

const dir = join(import.meta.dirname, '../tests/fixtures/negative');
const list = process.argv.includes('--list');
export const WINDOW = 300;

export interface FileResult {
  register: string;
  file: string;
  han: number;
  gateOpen: boolean;
  openWindows: number;
  windows: number;
  falseChanges: { before: string; after: string; kind: string }[];
}

export function evaluateFile(register: string, file: string, text: string): FileResult {
  const page = analysePage(text);
  const r = repair(text, { page });
  const falseChanges = r.changes
    .filter((c) => !(c.kind === 'traditional' && page.traditional))
    .map((c) => ({ before: c.before, after: c.after, kind: c.kind }));
  let openWindows = 0;
  let windows = 0;
  const folded = traditionalCharsToSimplified(text);
  for (let a = 0; a < folded.length; a += WINDOW) {
    const w = folded.slice(a, a + WINDOW);
    windows++;
    if (spinnerGate(w).open) openWindows++;
  }
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  return { register, file, han, gateOpen: !!page.spun, openWindows, windows, falseChanges };
}

export function negativeFiles(): { register: string; file: string; text: string }[] {
  const out: { register: string; file: string; text: string }[] = [];
  for (const register of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(dir, register)).filter((f) => f.endsWith('.txt')).sort()) {
      out.push({ register, file, text: readFileSync(join(dir, register, file), 'utf8') });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const byRegister = new Map<string, FileResult[]>();
  for (const { register, file, text } of negativeFiles()) {
    const r = evaluateFile(register, file, text);
    byRegister.set(register, [...(byRegister.get(register) ?? []), r]);
    if (list && (r.falseChanges.length || r.gateOpen || r.openWindows)) {
      console.log(`${register}/${file}: gate ${r.gateOpen ? 'OPEN' : 'closed'}, ${r.openWindows}/${r.windows} windows open, ${r.falseChanges.length} false changes`);
      console.log('   ' + r.falseChanges.map((c) => `${c.before}→${c.after}(${c.kind})`).join(' '));
    }
  }
  console.log('| register | files | Han chars | gate open (files) | 300-char windows open | false changes | per 10,000 Han |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const total = { files: 0, han: 0, open: 0, wo: 0, w: 0, fc: 0 };
  for (const [register, rs] of byRegister) {
    const han = rs.reduce((s, r) => s + r.han, 0);
    const fc = rs.reduce((s, r) => s + r.falseChanges.length, 0);
    const open = rs.filter((r) => r.gateOpen).length;
    const wo = rs.reduce((s, r) => s + r.openWindows, 0);
    const w = rs.reduce((s, r) => s + r.windows, 0);
    Object.assign(total, { files: total.files + rs.length, han: total.han + han, open: total.open + open, wo: total.wo + wo, w: total.w + w, fc: total.fc + fc });
    console.log(`| ${register} | ${rs.length} | ${han} | ${open} | ${wo} of ${w} | ${fc} | ${((fc * 10_000) / han).toFixed(2)} |`);
  }
  console.log(`| all | ${total.files} | ${total.han} | ${total.open} | ${total.wo} of ${total.w} | ${total.fc} | ${((total.fc * 10_000) / total.han).toFixed(2)} |`);
}
