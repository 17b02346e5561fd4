import { readdirSync, readFileSync } from 'node:fs';
const C = '../shared/corpus/';
const HELD = new Set(['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt']);
const re = /(?<![一二三四五六七八九十两百千万\d])([一二三四五六七八九十两])个([\u4e00-\u9fff]{2,4}?)(?=[，。、；：”」）\s]|$)/g;
const counts = new Map<string, number>();
const nums = new Map<string, Set<string>>();
for (const d of readdirSync(C)) { if (d.endsWith('.md')) continue; for (const f of readdirSync(C + d)) { if (HELD.has(`${d}/${f}`)) continue;
  const t = readFileSync(`${C}${d}/${f}`, 'utf8');
  for (const m of t.matchAll(re)) { counts.set(m[0], (counts.get(m[0]) ?? 0) + 1); const s = nums.get(m[2]) ?? new Set(); s.add(m[1]); nums.set(m[2], s); } } }
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 120).map(([k, v]) => `${k}:${v}/${nums.get(k.slice(2))!.size}`).join(' '));
