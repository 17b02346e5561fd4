import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectReport } from '../src/core/detect';
import { samplePage } from '../src/page/sample';
import { askToRun } from '../src/page/ask-banner';
import { toBackground } from '../src/shared/messaging';
import { REPORT_HOST_MATCHES } from '../src/shared/hosts';

// Always injected on report hosts, so it only detects: the heavy engine
// (dictionaries, language model, UI) is injected by the background when
// this page turns out to be a report.
export default defineContentScript({
  matches: REPORT_HOST_MATCHES,
  runAt: 'document_idle',
  allFrames: true,
  async main() {
    const html = document.documentElement;
    if (html.hasAttribute('data-govlens')) return;
    const t0 = performance.now();
    const detection = detectReport(samplePage(document));
    html.setAttribute('data-govlens', detection.isReport ? 'report' : 'not-report');
    // Timings for `npm run bench` (cheap to record, useful to curious users).
    html.setAttribute('data-govlens-t0', t0.toFixed(2));
    html.setAttribute('data-govlens-detect-ms', (performance.now() - t0).toFixed(3));
    if (!detection.isReport) return;
    const mode = await toBackground('site:get-mode', { host: location.hostname });
    html.setAttribute('data-govlens-mode', mode);
    if (mode === 'ask') {
      const answer = await askToRun(document, navigator.language.toLowerCase().startsWith('zh'));
      if (answer === 'never') await toBackground('site:set-mode', { host: location.hostname, mode: 'never' });
      if (answer !== 'yes') return;
    }
    if (mode !== 'never') await toBackground('engine:inject', {});
  },
});
