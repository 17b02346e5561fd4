import { runPipeline, type RepairResult } from './pipeline';
import type { PageContext, RepairOptions, Stage } from './types';
import { unicodeStage } from './stages/unicode';
import { mojibakeStage } from './stages/mojibake';
import { pinyinStage } from './stages/pinyin';
import { traditionalStage } from './stages/traditional';
import { spunStage } from './stages/spun';
import { layoutStage } from './stages/layout';

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
  const ctx: PageContext = {};
  for (const stage of STAGES) {
    const detect = (stage as Stage & { detect?: (t: string) => Partial<PageContext> }).detect;
    if (detect) Object.assign(ctx, detect(text));
  }
  return ctx;
}
