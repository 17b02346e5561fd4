import { readFileSync, readdirSync } from 'node:fs';
import { buildOutline } from '../src/core/pledges/outline';
const HELD = ['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt'];
for (const d of ['provincial-2026', 'national']) for (const f of readdirSync(`../shared/corpus/${d}`)) {
  if (HELD.includes(`${d}/${f}`)) continue;
  const t = readFileSync(`../shared/corpus/${d}/${f}`, 'utf8');
  const o = buildOutline(t);
  const lineOf = (p: number) => t.slice(0, p).split('\n').length;
  console.log(`${d}/${f} planYear=${o.planYear} ` + o.parts.map((p) => `[L${lineOf(p.start)} ${p.mode}${p.dueYear ? ' ' + p.dueYear : ''} ${t.slice(p.start, p.start + 14).replace(/\n/g, ' ')}]`).join(' '));
}
