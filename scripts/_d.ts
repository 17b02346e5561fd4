import { BUILTIN_SEEDS } from '../src/core/data/glossary-builtin-source';
import { IMPORTED_SUPPLEMENTS } from '../src/core/data/glossary-imported';
const [a, b] = process.argv.slice(2).map(Number);
for (const s of BUILTIN_SEEDS.slice(a, b)) console.log(`${s.term}|${s.en ?? IMPORTED_SUPPLEMENTS[s.term]?.en ?? ''}|${s.definition.slice(0, 70)}`);
