// How a saved pledge's status reads: the stored status, or overdue when its due year has passed with
// nothing reported on it.

export type StoredStatus = 'pending' | 'progress' | 'met' | 'partly' | 'missed';
export type ShownStatus = StoredStatus | 'overdue';

/** Overdue: not rated or in progress, due before `year`, and no evidence yet. */
export function shownStatus(p: { status: StoredStatus; dueYear: number | null; evidence: unknown[] }, year: number): ShownStatus {
  if ((p.status === 'pending' || p.status === 'progress') && p.dueYear !== null && p.dueYear < year && p.evidence.length === 0) return 'overdue';
  return p.status;
}

/** English names, for exports read outside the extension. */
export const STATUS_NAMES: Record<ShownStatus, string> = {
  pending: 'not yet rated',
  progress: 'in progress',
  met: 'met',
  partly: 'partly met',
  missed: 'missed',
  overdue: 'overdue',
};
