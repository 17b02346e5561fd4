import { detectReport } from '../core/detect';
import { samplePage } from './sample';

/**
 * Runs on every page of the report hosts, so the non-report path only reads
 * the page and sets one attribute: no extension API, no messages, no UI. The
 * heavy engine (dictionaries, language model, UI) is injected by the
 * background once a page turns out to be a report.
 */
export async function detectThisPage(doc: Document = document): Promise<void> {
  const html = doc.documentElement;
  if (html.hasAttribute('data-govlens')) return;
  const t0 = performance.now();
  const detection = detectReport(samplePage(doc));
  html.setAttribute('data-govlens', detection.isReport ? 'report' : 'not-report');
  // Timings for `npm run bench` (cheap to record, useful to curious users).
  html.setAttribute('data-govlens-t0', t0.toFixed(2));
  html.setAttribute('data-govlens-detect-ms', (performance.now() - t0).toFixed(3));
  if (!detection.isReport) return;
  // Loaded only on reports: messaging reaches for the extension API.
  const { runOnReport } = await import('./run-on-report');
  await runOnReport(doc);
}
