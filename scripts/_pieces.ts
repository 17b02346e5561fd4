import { readFileSync } from 'node:fs';
import { extractFigures } from '../src/core/figures';
import { candidatesInSteps } from '../src/core/pledges/extract';
import { runSteps } from '../src/core/steps';
import { matchSpans, readLabels } from './pledge-eval';
for (const [r, l] of [['../shared/corpus/national/2019.txt', 'tests/fixtures/pledges/dev-blind/national-2019.tsv'], ['../shared/corpus/provincial-2026/guangxi.txt', 'tests/fixtures/pledges/dev-blind/provincial-2026-guangxi.tsv'], ['seeds/000_0cf104e84806d453.txt', 'tests/fixtures/pledges/dev/seed-000.tsv'], ['../shared/corpus/provincial-2026/hebei.txt', 'tests/fixtures/pledges/dev/provincial-2026-hebei.tsv']]) {
  const text = readFileSync(r, 'utf8');
  const cands = runSteps(candidatesInSteps(text, { figures: extractFigures(text) }));
  const labels = readLabels(readFileSync(l, 'utf8'), text);
  const pairs = matchSpans(labels, cands.map((c) => ({ ...c, line: 0 })));
  const pos = new Map(pairs.map(([i, j]) => [j, i]));
  let np = 0, nn = 0;
  cands.forEach((c, j) => {
    if (!c.features.some((f) => f.startsWith('piece:'))) return;
    if (pos.has(j)) np++; else { nn++; const over = labels.find((x) => x.start < c.end && x.end > c.start); console.log('  neg', c.text, '| label:', over?.text ?? '-'); }
  });
  console.log(r, 'pieces pos', np, 'neg', nn);
}
