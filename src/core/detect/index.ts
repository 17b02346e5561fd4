/**
 * Is this page a government work report (or a copy of one)? Runs on a
 * PageSample in the background (for the always-injected detect.js, which
 * only samples the page and asks hints.ts's mayBeReport) and in the engine:
 * a light normalisation (undo spacing, pinyin glosses, common Traditional
 * characters, spinner forms, mojibake of key words) and a weighted sum of
 * signals; see score.ts for the signals and the threshold logic.
 */
import { normaliseForDetection } from './normalise';
import { mayBeReport, splitUrl } from './hints';
import { REPORT_THRESHOLD, scoreSignals } from './score';
import type { Detection, PageSample } from './types';

export type { DamageKind, Detection, PageSample } from './types';
export { sampleFromText, SAMPLE_CHARS } from './sample';
export { REPORT_THRESHOLD } from './score';
export { mayBeReport, splitUrl } from './hints';

export function detectReport(sample: PageSample): Detection {
  const { host, path } = splitUrl(sample.url);
  if (!mayBeReport(sample, host)) return { isReport: false, score: 0, signals: ['no-report-words'], damage: [] };
  // Title and headings are normalised together, so the damage check sees the
  // whole sample; a newline keeps them apart for the word lists.
  const head = normaliseForDetection([sample.title, ...sample.headings].join('\n')).text;
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
