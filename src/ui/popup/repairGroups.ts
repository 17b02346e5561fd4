import type { RepairKind } from '../../core/repair/types';

/**
 * The popup speaks of repairs the way a reader sees them, not stage by
 * stage: Traditional characters and inline pinyin come together on the same
 * damaged copies, and entities and zero-width characters are both “characters”.
 */
export const REPAIR_GROUPS: Array<{ id: string; kinds: RepairKind[] }> = [
  { id: 'script', kinds: ['traditional', 'pinyin'] },
  { id: 'spun', kinds: ['spun'] },
  { id: 'mojibake', kinds: ['mojibake'] },
  { id: 'layout', kinds: ['layout'] },
  { id: 'chars', kinds: ['unicode', 'entity'] },
];

export function repairGroupCounts(fixKinds: Partial<Record<RepairKind, number>>): Array<{ id: string; count: number }> {
  return REPAIR_GROUPS.map((g) => ({ id: g.id, count: g.kinds.reduce((n, k) => n + (fixKinds[k] ?? 0), 0) }));
}
