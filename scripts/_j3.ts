import { readdirSync, readFileSync } from 'node:fs';
import '../src/core/glossary/shipped';
import { findNumberedSlogans } from '../src/core/glossary';
import { sloganStoplists } from '../src/core/glossary/builtin';
const C = '../shared/corpus/';
const HELD = new Set(['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt']);
const counts = new Map<string, number>();
const ctx = new Map<string, string>();
for (const d of readdirSync(C)) { if (d.endsWith('.md')) continue; for (const f of readdirSync(C + d)) { if (HELD.has(`${d}/${f}`)) continue;
  const t = readFileSync(`${C}${d}/${f}`, 'utf8');
  for (const c of findNumberedSlogans(t, sloganStoplists()!)) { counts.set(c.key, (counts.get(c.key) ?? 0) + 1); if (!ctx.has(c.key)) ctx.set(c.key, t.slice(c.start - 8, c.end + 6).replace(/\n/g, '⏎')); } } }
const all = [...counts].sort((a, b) => b[1] - a[1]);
console.log(all.length, all.reduce((a, b) => a + b[1], 0));
console.log(all.map(([k, v]) => `${k}:${v}`).join(' '));
