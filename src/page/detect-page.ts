import { mayBeReport } from '../core/detect/hints';
import { toBackground } from '../shared/messaging';
import { samplePage } from './sample';

/** detect.js runs once per frame, even when both the manifest and a user-site registration inject it. */
let started = false;

/**
 * Runs on every page of the report hosts, so it does the least it can: it
 * samples the page and, unless the page cannot be a report (hints.ts), sends
 * the sample to the background. The background scores it and, for a report,
 * acts on the site's mode (injects the engine, or the "ask" prompt). No
 * extension API is touched on pages without report words.
 */
export async function detectThisPage(doc: Document = document): Promise<void> {
  const html = doc.documentElement;
  if (started || html.hasAttribute('data-govlens')) return;
  started = true;
  // Where `npm run bench` starts the clock for "document_idle → repaired".
  html.setAttribute('data-govlens-t0', performance.now().toFixed(2));
  const sample = samplePage(doc);
  if (!mayBeReport(sample)) {
    html.setAttribute('data-govlens', 'not-report');
    return;
  }
  const { isReport, mode } = await toBackground('page:detect', sample);
  html.setAttribute('data-govlens', isReport ? 'report' : 'not-report');
  if (mode) html.setAttribute('data-govlens-mode', mode);
}
