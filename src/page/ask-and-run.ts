import { toBackground } from '../shared/messaging';
import { askToRun } from './ask-banner';

/** A report on a site set to "ask": show the prompt, then have the background inject the engine or remember "never". */
export async function askAndRun(doc: Document): Promise<void> {
  const answer = await askToRun(doc, navigator.language.toLowerCase().startsWith('zh'));
  // The background takes the site from this frame's own address, not from the message.
  if (answer === 'never') await toBackground('site:never-ask', {});
  if (answer === 'yes') await toBackground('engine:inject', {});
}
