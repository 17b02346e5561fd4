// Pledges: the commitments a report makes (every clause of its plan part that commits to an action or an
// outcome), structured, and the pieces that follow them into a later report.
import { extractFigures } from '../figures';
import { extractPledges as extractWith, extractPledgesInSteps } from './extract';
import type { Pledge } from './types';

export type { Direction, Pledge, PledgeClause, PledgeKind } from './types';
export { extractPledgesInSteps, type PledgeOptions } from './extract';
export { buildOutline, buildOutlineInSteps, type Outline, type Heading, type Part } from './outline';
export { followPledge, proposeVerdict, readLaterReport, type Evidence, type FollowUp, type FollowedPledge, type LaterReport, type Verdict } from './follow';
export { regionKey, sameRegion } from './region';
export { shownStatus, type ShownStatus } from './status';

/** The pledges of a whole text, its figures found here (CLI, tests, measurement). */
export function extractPledges(text: string): Pledge[] {
  return extractWith(text, { figures: extractFigures(text) });
}
