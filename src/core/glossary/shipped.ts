// The bundled built-in glossary, for Node callers (CLI, tests, scripts, bench): import for the side effect.
import { BUILTIN_GLOSSARY_DATA } from '../data/glossary-builtin';
import { provideBuiltinGlossary } from './builtin';

provideBuiltinGlossary(() => BUILTIN_GLOSSARY_DATA);
