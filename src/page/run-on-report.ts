import { askToRun } from './ask-banner';
import { toBackground } from '../shared/messaging';

/** A report was detected: honour the site's mode (always / ask / never) and have the background inject the engine. */
export async function runOnReport(doc: Document): Promise<void> {
  const html = doc.documentElement;
  const host = doc.location.hostname;
  const mode = await toBackground('site:get-mode', { host });
  html.setAttribute('data-govlens-mode', mode);
  if (mode === 'ask') {
    const answer = await askToRun(doc, navigator.language.toLowerCase().startsWith('zh'));
    if (answer === 'never') await toBackground('site:set-mode', { host, mode: 'never' });
    if (answer !== 'yes') return;
  }
  if (mode !== 'never') await toBackground('engine:inject', {});
}
