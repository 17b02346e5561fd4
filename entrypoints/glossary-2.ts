import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import data from 'virtual:govlens-glossary/2';
import { provideGlossaryPart } from '../src/page/glossary-part';

// Part 2 of the built-in entries without their explanations (src/core/glossary/parts.ts): injected with the engine on report pages.
export default defineUnlistedScript(() => provideGlossaryPart(2, data));
