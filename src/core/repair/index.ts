import { runPipeline, type RepairResult } from './pipeline';
import type { PageContext, RepairOptions, Stage } from './types';
import { unicodeStage } from './stages/unicode';
import { mojibakeStage } from './stages/mojibake';
import { pinyinStage } from './stages/pinyin';
import { traditionalStage } from './stages/traditional';
import { spunStage } from './stages/spun';
import { layoutStage } from './stages/layout';
import { getLM } from '../lm';
import { traditionalToSimplified } from './traditional/script';

export type { RepairResult } from './pipeline';
export type { Change, Suggestion, RepairKind, RepairOptions } from './types';
export { OffsetMap } from './offset-map';

/**
 * Stage order matters: bytes first (entities, mojibake), then annotations
 * riding on characters (pinyin), then script (Traditional), then words
 * (spun synonyms need Simplified text), then layout.
 */
export const STAGES: readonly Stage[] = [unicodeStage, mojibakeStage, pinyinStage, traditionalStage, spunStage, layoutStage];

export function repair(text: string, options: RepairOptions = {}): RepairResult {
  return runPipeline(text, STAGES, options);
}

/**
 * Page-level decisions made once over a whole page, so that chunks repaired
 * separately agree. Stages that expose a detector contribute to it.
 */
export function analysePage(text: string): PageContext {
  text = sampleForAnalysis(text);
  const ctx: PageContext = {};
  for (const stage of STAGES) {
    const detect = (stage as Stage & { detect?: (t: string) => Partial<PageContext> }).detect;
    if (detect) Object.assign(ctx, detect(text));
  }
  return ctx;
}

/** Evidence is dense on damaged pages: a spread of windows decides as well as 1 MB of text, far faster. */
const ANALYSIS_CHARS = 48_000;
const ANALYSIS_WINDOWS = 8;

function sampleForAnalysis(text: string): string {
  if (text.length <= ANALYSIS_CHARS) return text;
  const size = ANALYSIS_CHARS / ANALYSIS_WINDOWS;
  const step = (text.length - size) / (ANALYSIS_WINDOWS - 1);
  const parts: string[] = [];
  for (let i = 0; i < ANALYSIS_WINDOWS; i++) parts.push(text.slice(Math.round(i * step), Math.round(i * step) + size));
  return parts.join('\n');
}

/**
 * One-time loads a page will need (decoding the language model, building the
 * converter), as separate steps so a caller can run each in its own task
 * instead of inside the first chunk's repair.
 */
export function warmUpSteps(page: PageContext): Array<() => void> {
  const steps: Array<() => void> = [];
  if (page.spun) steps.push(() => void getLM());
  if (page.traditional) steps.push(() => void traditionalToSimplified('體'));
  return steps;
}
