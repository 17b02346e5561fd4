import type { SiteMode } from '../shared/messages';
import { toBackground } from '../shared/messaging';
import { askToRun } from './ask-banner';

/** A report was detected: honour the site's mode (always / ask / never) and have the background inject the engine. */
export async function runOnReport(doc: Document, mode: SiteMode): Promise<void> {
  doc.documentElement.setAttribute('data-govlens-mode', mode);
  if (mode === 'ask') {
    const answer = await askToRun(doc, navigator.language.toLowerCase().startsWith('zh'));
    if (answer === 'never') await toBackground('site:set-mode', { host: doc.location.hostname, mode: 'never' });
    if (answer !== 'yes') return;
  }
  if (mode !== 'never') await toBackground('engine:inject', {});
}
