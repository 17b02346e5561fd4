import type { Figure } from '../figures/types';

/** A pledge clause: a target the government committed to. Offsets index the text given. */
export interface PledgeClause {
  start: number;
  end: number;
  text: string;
  /** The main target figure inside the clause, if any. */
  figure?: Figure;
  /** Year the pledge falls due, from the plan heading or the clause. */
  dueYear?: number;
}
