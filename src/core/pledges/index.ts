// Pledges: the commitments a report makes (every clause of its plan part that commits to an action or an
// outcome), structured, and the pieces that follow them into a later report.
import { extractFigures } from '../figures';
import { extractPledges as extractWith, extractPledgesInSteps } from './extract';
import type { Pledge } from './types';

export type { Direction, Pledge, PledgeClause, PledgeKind } from './types';
export { extractPledgesInSteps, type PledgeOptions } from './extract';
export { buildOutline, type Outline, type Heading, type Part } from './outline';
export { matchPledge, type PledgeMatch } from './match';

/** The pledges of a whole text, its figures found here (CLI, tests, measurement). */
export function extractPledges(text: string): Pledge[] {
  return extractWith(text, { figures: extractFigures(text) });
}
