import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import data from 'virtual:govlens-glossary/1';
import { provideGlossaryPart } from '../src/page/glossary-part';

// Part 1 of the built-in entries without their explanations (src/core/glossary/parts.ts): injected with the engine on report pages.
export default defineUnlistedScript(() => provideGlossaryPart(1, data));
