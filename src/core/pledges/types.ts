import type { Figure } from '../figures/types';

export type PledgeKind = 'target' | 'action';
/** How a target binds: at least (floor), at most (ceiling), about, or exactly the figure. */
export type Direction = 'floor' | 'ceiling' | 'about' | 'exact';

/** A commitment the report makes: one clause. Offsets index the text given. */
export interface Pledge {
  start: number;
  end: number;
  text: string;
  kind: PledgeKind;
  /** The report's own heading path above the clause, outermost first (三、2025年政府工作任务 › （一）大力提振消费). */
  area: string[];
  /** Year the pledge falls due: an explicit 到2027年, else the plan year (the end year of a five-year plan). */
  dueYear?: number;
  /** For targets, the main figure of the clause. */
  figure?: Figure;
  direction?: Direction;
}

/** Former name, kept for the callers that only read start, end, text, figure and dueYear. */
export type PledgeClause = Pledge;
