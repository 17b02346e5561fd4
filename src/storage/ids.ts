/** Random UUID v4 (crypto.randomUUID exists in extension pages, workers and Node 20). */
export function newId(): string {
  return crypto.randomUUID();
}

let last = 0;
/**
 * Date.now(), but strictly increasing within this JS context, so records created in the same
 * millisecond still list in creation order ([reportId+createdAt] index).
 */
export function monotonicNow(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}
