import { runPipeline, runPipelineInSteps, type RepairResult } from './pipeline';
import type { PageContext, RepairOptions, Stage } from './types';
import { unicodeStage } from './stages/unicode';
import { mojibakeStage } from './stages/mojibake';
import { pinyinStage } from './stages/pinyin';
import { traditionalStage } from './stages/traditional';
import { spunStage } from './stages/spun';
import { layoutStage } from './stages/layout';
import { loadLMInSteps } from '../lm';
import { runSteps, type Steps } from '../steps';
import type { StageDataName } from '../stage-data';
import { loadGbkTableInSteps } from './mojibake/codecs';
import { loadPairTableInSteps } from './mojibake/context';
import { loadReadingsInSteps } from './pinyin/readings';
import { loadScoreTablesInSteps } from './mojibake/score';
import { loadSpunCountsInSteps } from './spun/decision-data';
import { loadMatchIndexInSteps } from './spun/dictionary';
import { loadTraditionalToSimplifiedInSteps } from './traditional/script';

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

/** repair() pausing after each stage (see src/core/steps.ts). */
export function repairInSteps(text: string, options: RepairOptions = {}): Steps<RepairResult> {
  return runPipelineInSteps(text, STAGES, options);
}

/**
 * Page-level decisions made once over a whole page, so that chunks repaired
 * separately agree. Stages that expose a detector contribute to it.
 */
export function analysePage(text: string): PageContext {
  return runSteps(analysePageInSteps(text));
}

/** Characters per analysis step: a few ms of dictionary matching. */
const ANALYSIS_STEP_CHARS = 4_000;

/** analysePage in short steps (dictionary loads, then one window of text each); see src/core/steps.ts. */
export function* analysePageInSteps(text: string, stepChars = ANALYSIS_STEP_CHARS): Steps<PageContext> {
  const detectors = STAGES.flatMap((stage) => (stage.detector ? [stage.detector()] : []));
  for (const d of detectors) if (d.prepare) yield* d.prepare();
  for (const window of lineWindows(sampleForAnalysis(text), stepChars)) {
    for (const d of detectors) d.add(window);
    yield;
  }
  return Object.assign({}, ...detectors.map((d) => d.verdict())) as PageContext;
}

/**
 * `text` cut into pieces of about `size` characters, each ending just after a
 * line break, or failing that a full stop, so no word is cut in two.
 */
export function lineWindows(text: string, size: number): string[] {
  const out: string[] = [];
  for (let a = 0; a < text.length; ) {
    let b = Math.min(text.length, a + size);
    if (b < text.length) {
      const cut = Math.max(text.lastIndexOf('\n', b - 1), text.lastIndexOf('。', b - 1));
      b = cut >= a ? cut + 1 : nextBoundary(text, b);
    }
    out.push(text.slice(a, b));
    a = b;
  }
  return out;
}

function nextBoundary(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '。') return i + 1;
  return text.length;
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
 * converter) as a generator of short steps, so a caller can run them in tasks
 * of their own instead of inside the first chunk's repair.
 */
export function* warmUp(page: PageContext): Steps<void> {
  // Every Chinese page's mojibake check reads these (clean runs are checked for stretches that read as UTF-8):
  // built here, in steps, they stay out of the first chunk's repair, where they made a task of 15–20 ms.
  yield* loadGbkTableInSteps();
  yield* loadScoreTablesInSteps();
  if (page.spun) {
    // The gate needed no dictionary; a spun page builds it (and its match index) and decodes the model, in short steps.
    yield* loadMatchIndexInSteps();
    yield* loadSpunCountsInSteps();
    yield* loadLMInSteps();
  }
  if (page.traditional) yield* loadTraditionalToSimplifiedInSteps();
}

/**
 * Parses a stage's table (stage-data.ts) in short steps once its data script is in, so the repair that asked for
 * it, run again, does not build it inside one of its steps (the readings made a task of 16 ms on the 1 MB page).
 */
export function warmStageDataInSteps(name: StageDataName): Steps<void> {
  return name === 'readings' ? loadReadingsInSteps() : loadPairTableInSteps();
}
