import type { Figure } from '../figures/types';
import type { PledgeClause } from './types';
export type { PledgeClause } from './types';

// Placeholder until pledge detection lands.
export function findPledges(_text: string, _figures: Figure[]): PledgeClause[] {
  return [];
}
