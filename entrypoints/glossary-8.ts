import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import data from 'virtual:govlens-glossary/8';
import { provideGlossaryPart } from '../src/page/glossary-part';

// Part 8 of the built-in glossary (src/core/glossary/parts.ts): injected with the engine on report pages.
export default defineUnlistedScript(() => provideGlossaryPart(8, data));
