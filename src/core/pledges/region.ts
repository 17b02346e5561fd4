/**
 * Which saved pledges a report can report on: those of an earlier (or the same) year of the
 * same region, from another report. Pure, so the side panel (which holds the saved pledges)
 * chooses what it shows a page, and the page never reads the library itself.
 */

export interface PledgeScope {
  reportId: string;
  region: string;
  year: number | null;
  dueYear: number | null;
}

export interface ReportScope {
  region: string;
  year: number | null;
}

/** A later report of the same region can report on a pledge; an earlier one cannot. */
export function isEarlierPledgeOfRegion(p: PledgeScope, report: ReportScope | null, reportId: string | null): boolean {
  if (!report || p.reportId === reportId) return false;
  if (report.region && p.region && !sameRegion(p.region, report.region)) return false;
  const pledgeYear = p.dueYear ?? p.year;
  return pledgeYear === null || report.year === null || report.year >= pledgeYear;
}

/** 湖里区 and 厦门市湖里区 are one region: titles name it with or without its city. */
export function sameRegion(a: string, b: string): boolean {
  return a === b || a.endsWith(b) || b.endsWith(a);
}
