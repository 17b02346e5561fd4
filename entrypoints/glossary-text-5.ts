import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import chunks from 'virtual:govlens-glossary-text/5';
import { provideGlossaryTextPart } from '../src/page/glossary-part';

// Part 5 of the built-in entries' explanations (src/core/glossary/parts.ts): injected once a report page's first marks are painted.
export default defineUnlistedScript(() => provideGlossaryTextPart(5, chunks));
