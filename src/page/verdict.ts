import type { PageVerdict } from '../shared/messages';
import { toBackground } from '../shared/messaging';
import { samplePage } from './sample';

declare global {
  /** Set by detect.js in the extension's isolated world, which engine.js shares: the background's reply to its sample. */
  var __govlensVerdict: Promise<PageVerdict> | undefined;
}

/**
 * The page's verdict, as the background scored detect.js's sample: the
 * engine does not score the page again. An engine injected where detect.js
 * never ran (the popup's "Enable on this tab" on another site) asks for a
 * score of its own sample.
 */
export function pageVerdict(doc: Document): Promise<PageVerdict> {
  return globalThis.__govlensVerdict ?? toBackground('page:score', samplePage(doc)).catch(() => ({ isReport: false }));
}

/**
 * Where the time before the engine's start went (ms): the sample's trip to
 * the background (with the worker's wake-up), scoring and settings, and the
 * injection (the script's transfer, compile and first run).
 */
export function startTimings(verdict: PageVerdict, detectStart: number, bootStart: number): Record<string, number> {
  if (!verdict.at) return {};
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    message: round(verdict.at.received - (performance.timeOrigin + detectStart)),
    score: round(verdict.at.injecting - verdict.at.received),
    inject: round(performance.timeOrigin + bootStart - verdict.at.injecting),
  };
}
