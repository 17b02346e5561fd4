import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import chunks from 'virtual:govlens-glossary-text/1';
import { provideGlossaryTextPart } from '../src/page/glossary-part';

// Part 1 of the built-in entries' explanations (src/core/glossary/parts.ts): injected once a report page's first marks are painted.
export default defineUnlistedScript(() => provideGlossaryTextPart(1, chunks));
