/**
 * Is this page a government work report (or a copy of one)? Runs in the
 * always-injected content script on a PageSample, so it is small and fast:
 * a light normalisation (undo spacing, pinyin glosses, common Traditional
 * characters, spinner forms, mojibake of key words) and a weighted sum of
 * signals; see score.ts for the signals and the threshold logic.
 */
import { normaliseForDetection } from './normalise';
import { REPORT_THRESHOLD, scoreSignals } from './score';
import type { Detection, PageSample } from './types';

export type { DamageKind, Detection, PageSample } from './types';
export { sampleFromText, SAMPLE_CHARS } from './sample';
export { REPORT_THRESHOLD } from './score';

function splitUrl(url: string): { host: string; path: string } {
  // No URL parser needed (and none wanted in a hot path): scheme://host/path.
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]*)(?::\d+)?([^#]*)/i.exec(url);
  return m ? { host: m[1].toLowerCase(), path: m[2] } : { host: '', path: '' };
}

export function detectReport(sample: PageSample): Detection {
  const { host, path } = splitUrl(sample.url);
  // Title and headings are normalised together with the text so the damage
  // check sees the whole sample; a newline keeps them apart for the regexes.
  const headRaw = [sample.title, ...sample.headings].join('\n');
  const head = normaliseForDetection(headRaw).text;
  const body = normaliseForDetection(sample.text);
  const signals = scoreSignals({ host, path, head, text: body.text, length: body.effectiveLength });
  const sum = signals.reduce((a, s) => a + s.weight, 0);
  const score = Math.round(Math.min(1, Math.max(0, sum)) * 1000) / 1000;
  return {
    isReport: sum >= REPORT_THRESHOLD,
    score,
    signals: signals.map((s) => s.name),
    damage: body.damage,
  };
}
