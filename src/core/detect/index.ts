/**
 * Is this page a government work report (or a copy of one)? Runs in the
 * always-injected content script on a PageSample, so it is small and fast:
 * a light normalisation (undo spacing, pinyin glosses, common Traditional
 * characters, spinner forms, mojibake of key words) and a weighted sum of
 * signals; see score.ts for the signals and the threshold logic.
 */
import { normaliseForDetection } from './normalise';
import { hasWord } from './scan';
import { isGovHost, REPORT_THRESHOLD, scoreSignals } from './score';
import type { Detection, PageSample } from './types';

export type { DamageKind, Detection, PageSample } from './types';
export { sampleFromText, SAMPLE_CHARS } from './sample';
export { REPORT_THRESHOLD } from './score';

/** scheme://host[:port]/path?query#hash → host and path (with query); no URL parser or regex in this hot path. */
export function splitUrl(url: string): { host: string; path: string } {
  const scheme = url.indexOf('://');
  if (scheme <= 0) return { host: '', path: '' };
  let end = url.length;
  for (const stop of ['/', '?', '#']) {
    const i = url.indexOf(stop, scheme + 3);
    if (i >= 0 && i < end) end = i;
  }
  const hostPort = url.slice(scheme + 3, end);
  const colon = hostPort.indexOf(':');
  const hash = url.indexOf('#', end);
  return { host: (colon >= 0 ? hostPort.slice(0, colon) : hostPort).toLowerCase(), path: url.slice(end, hash >= 0 ? hash : url.length) };
}

/**
 * Words at least one of which every report page shows in its title, headings
 * or opening text (in Simplified, Traditional or mojibake form). Off gov.cn,
 * a page with none of them is not a report, decided without normalising or
 * scoring: most pages on news sites end here, at almost no cost.
 */
const REPORT_HINTS = ['报告', '報告', '鎶ュ憡', '两会', '兩會', '代表', '人大', '政协', '政協', '展望', '回顾', '回顧', '规划', '規劃', '计划', '計劃', '总结', '總結', '目标', '目標', '工作'];

export function detectReport(sample: PageSample): Detection {
  const { host, path } = splitUrl(sample.url);
  // Title and headings are normalised together, so the damage check sees the
  // whole sample; a newline keeps them apart for the word lists.
  const headRaw = [sample.title, ...sample.headings].join('\n');
  if (!isGovHost(host) && !hasWord(headRaw, REPORT_HINTS) && !hasWord(sample.text, REPORT_HINTS)) {
    return { isReport: false, score: 0, signals: ['no-report-words'], damage: [] };
  }
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
